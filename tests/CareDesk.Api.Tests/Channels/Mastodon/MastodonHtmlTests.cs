using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels.Mastodon;

namespace CareDesk.Api.Tests.Channels.Mastodon;

public sealed class MastodonHtmlTests
{
    private static string Content(string fixture) => Fixture.Json("Mastodon", fixture)["content"]!.GetValue<string>();

    [Fact]
    public void A_mention_keeps_its_visible_at_handle()
    {
        var notification = Fixture.Json("Mastodon", "notification-mention.from-streaming.json");
        Assert.Equal("@trwnh test", MastodonHtml.ToText(notification["status"]!["content"]!.GetValue<string>()));
        Assert.Equal("@disarray glad i was able to help", MastodonHtml.ToText(Content("status-reply-with-mention.from-streaming-update.json")));
    }

    [Fact]
    public void Paragraphs_become_blank_lines_entities_are_decoded_and_a_shortened_link_becomes_its_full_address()
    {
        Assert.Equal(
            "\"I lost my inheritance with one wrong digit on my sort code\"\n\n"
            + "https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code",
            MastodonHtml.ToText(Content("status-entity.example.json")));
        Assert.Equal("edited", MastodonHtml.ToText(Content("status-edited.from-streaming.json")));
    }

    [Fact]
    public void Hashtags_and_mentions_read_as_written()
    {
        var note = Fixture.Json("Mastodon", "account-entity.example.json")["note"]!.GetValue<string>();
        var text = MastodonHtml.ToText(note);
        Assert.Contains("#awoo.space #admin ~ #bi ~ #nonbinary ~ compsci student ~ likes video #games and weird/ old electronics", text);
        Assert.EndsWith("avatar by @dzuk", text);
        Assert.DoesNotContain("<", text);
    }

    [Fact]
    public void A_websocket_frames_payload_is_a_status_encoded_a_second_time()
    {
        var frame = Fixture.Json("Mastodon", "websocket-event-update.json");
        var status = JsonNode.Parse(frame["payload"]!.GetValue<string>())!;
        Assert.Equal("And now I can't exit the inner nvim because I mapped escape to the parent vim instance 😂", MastodonHtml.ToText(status["content"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("<p>Line one<br>line two<br />line three</p><p>Next &amp; last &lt;3</p>", "Line one\nline two\nline three\n\nNext & last <3")]
    [InlineData("<p>See <a href=\"https://help.example/faq\">our FAQ</a> please</p>", "See our FAQ (https://help.example/faq) please")]
    [InlineData("<p>Tagged <a href=\"https://social.example/tags/help\" class=\"mention hashtag\" rel=\"tag\">#<span>Help</span></a></p>", "Tagged #Help")]
    [InlineData("<ul><li>one</li><li>two</li></ul><p>after</p>", "- one\n- two\n\nafter")]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    public void Markup_turns_into_plain_text(string html, string expected) => Assert.Equal(expected, MastodonHtml.ToText(html));

    [Fact]
    public void The_SSE_fixture_lines_carry_the_same_notification_as_the_JSON_fixture()
    {
        var lines = Fixture.Text("Mastodon", "streaming-sse-user-notification-mention.txt").Split('\n');
        Assert.Equal("event: notification", lines[0]);
        var data = JsonNode.Parse(lines[1]["data: ".Length..])!;
        var json = Fixture.Json("Mastodon", "notification-mention.from-streaming.json");
        Assert.True(JsonNode.DeepEquals(json, data), JsonSerializer.Serialize(data));
    }
}
