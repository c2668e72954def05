using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels.Mastodon;
using CareDesk.Data.Entities;
using static CareDesk.Api.Channels.Mastodon.MastodonPayloads;

namespace CareDesk.Api.Tests.Channels.Mastodon;

public sealed class MastodonMentionsTests
{
    private static Status ReadStatus(JsonNode node) => node.Deserialize<Status>(Json)!;

    [Fact]
    public void A_streamed_mention_notification_becomes_a_public_post_by_its_remote_author()
    {
        var notification = Fixture.Json("Mastodon", "notification-mention.from-streaming.json").Deserialize<Notification>(Json)!;
        var mention = MastodonMentions.From(notification.Status!, "108914343542683797");

        Assert.Equal("68739215", notification.Id);
        Assert.Equal("108914343542683797", mention.PlatformMessageId);
        Assert.Equal(MentionKind.Post, mention.Kind);
        Assert.Equal("@trwnh test", mention.Text);
        Assert.Equal(new DateTime(2022, 8, 30, 23, 9, 52, 359, DateTimeKind.Utc), mention.CreatedAt);
        Assert.Equal(new CareDesk.Api.Channels.MentionAuthor("108892712797543112", "@a@pl.nulled.red", "a", 0), mention.Author);
        Assert.Equal("108914343542683797", mention.ThreadId);
        Assert.Null(mention.ParentId);
        Assert.Equal("https://pl.nulled.red/objects/64b196c6-3bc5-44d5-8ffb-f760235ee6ca", mention.Url);
        Assert.Null(mention.Language);
    }

    [Fact]
    public void A_reply_is_a_comment_with_its_parent()
    {
        var status = ReadStatus(Fixture.Json("Mastodon", "status-reply-with-mention.from-streaming-update.json"));
        var mention = MastodonMentions.From(status, "root-1");

        Assert.Equal(MentionKind.Comment, mention.Kind);
        Assert.Equal("108914298452377720", mention.ParentId);
        Assert.Equal("root-1", mention.ThreadId);
        Assert.Equal(new CareDesk.Api.Channels.MentionAuthor("464472", "@freon@letsalllovela.in", "freon", 37), mention.Author);
    }

    [Fact]
    public void A_status_entity_keeps_its_permalink_language_and_follower_count()
    {
        var status = ReadStatus(Fixture.Json("Mastodon", "status-entity.example.json"));
        var mention = MastodonMentions.From(status, status.Id);

        Assert.Equal("https://mastodon.social/@Gargron/103270115826048975", mention.Url);
        Assert.Equal("en", mention.Language);
        Assert.Equal(322930, mention.Author.Followers);
        Assert.Equal("Eugen", mention.Author.Name);
        Assert.Equal("@Gargron", mention.Author.Handle);
    }

    [Fact]
    public void Direct_visibility_is_a_direct_message_and_a_content_warning_stays_in_front()
    {
        var json = Fixture.Json("Mastodon", "status-edited.from-streaming.json");
        json["visibility"] = "direct";
        json["spoiler_text"] = "order trouble";
        var mention = MastodonMentions.From(ReadStatus(json), "t");

        Assert.Equal(MentionKind.Direct, mention.Kind);
        Assert.Equal("CW: order trouble\n\nedited", mention.Text);
        Assert.Equal(new CareDesk.Api.Channels.MentionAuthor("109334860508022726", "@admin", "admin", 0), mention.Author);
    }
}
