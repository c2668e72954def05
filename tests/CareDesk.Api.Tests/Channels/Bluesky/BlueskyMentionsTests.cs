using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels;
using CareDesk.Api.Channels.Bluesky;
using CareDesk.Data.Entities;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Tests.Channels.Bluesky;

public sealed class BlueskyMentionsTests
{
    public static Notification Notification(string uri, string reason, JsonNode record, string authorDid = "did:plc:u5cwb2mwiv2bfq53cjufe6yn",
        string handle = "alice.test", DateTime? indexedAt = null) =>
        new JsonObject
        {
            ["uri"] = uri,
            ["cid"] = "bafyreibjifzpqj6o6wcq3hejh7y4z4z2vmiklkvykc57tw3pcbx3kxifpm",
            ["author"] = new JsonObject { ["did"] = authorDid, ["handle"] = handle, ["displayName"] = "Alice" },
            ["reason"] = reason,
            ["record"] = record.DeepClone(),
            ["isRead"] = false,
            ["indexedAt"] = (indexedAt ?? new DateTime(2023, 8, 8, 1, 3, 42, DateTimeKind.Utc)).ToString("O"),
        }.Deserialize<Notification>(Json)!;

    [Fact]
    public void A_mention_with_facets_becomes_a_post_that_starts_its_own_thread()
    {
        var record = Fixture.Json("Bluesky", "record-post-with-mention-and-link-facets.json");
        var uri = "at://did:plc:u5cwb2mwiv2bfq53cjufe6yn/app.bsky.feed.post/3k4duaz5vfs2b";
        var mention = BlueskyMentions.From(Notification(uri, "mention", record), followers: 1200)!;

        Assert.Equal(uri, mention.PlatformMessageId);
        Assert.Equal(MentionKind.Post, mention.Kind);
        Assert.Equal(record["text"]!.GetValue<string>(), mention.Text);
        Assert.Equal(new DateTime(2023, 8, 8, 1, 3, 41, 157, DateTimeKind.Utc).AddTicks(3020), mention.CreatedAt);
        Assert.Equal(new MentionAuthor("did:plc:u5cwb2mwiv2bfq53cjufe6yn", "@alice.test", "Alice", 1200), mention.Author);
        Assert.Equal(uri, mention.ThreadId);
        Assert.Null(mention.ParentId);
        Assert.Equal("https://bsky.app/profile/did:plc:u5cwb2mwiv2bfq53cjufe6yn/post/3k4duaz5vfs2b", mention.Url);
    }

    [Fact]
    public void A_reply_is_a_comment_in_its_roots_thread_under_its_parent()
    {
        var commit = Fixture.Json("Bluesky", "jetstream-v1-commit-create-post-reply.json");
        var uri = "at://did:plc:q235v55g5unth4zjjdpacfdr/app.bsky.feed.post/3mmoojp4cd223";
        var mention = BlueskyMentions.From(Notification(uri, "reply", commit["commit"]!["record"]!, authorDid: "did:plc:q235v55g5unth4zjjdpacfdr"), 5)!;

        Assert.Equal(MentionKind.Comment, mention.Kind);
        Assert.Equal("Try RSV for a good time !!", mention.Text);
        Assert.Equal("at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26", mention.ThreadId);
        Assert.Equal("at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26", mention.ParentId);
        Assert.Equal("en", mention.Language);
    }

    [Fact]
    public void Quotes_and_replies_are_kept_and_a_notification_about_something_else_is_not_a_mention()
    {
        var record = Fixture.Json("Bluesky", "record-post-reply.json");
        Assert.Equal(MentionKind.Comment, BlueskyMentions.From(Notification("at://x/app.bsky.feed.post/1", "quote", record), 0)!.Kind);
        Assert.Equal("at://did:plc:u5cwb2mwiv2bfq53cjufe6yn/app.bsky.feed.post/3k43tv4rft22g",
            BlueskyMentions.From(Notification("at://x/app.bsky.feed.post/1", "reply", record), 0)!.ThreadId);
        Assert.Null(BlueskyMentions.From(Notification("at://x/app.bsky.feed.like/1", "like", new JsonObject { ["$type"] = "app.bsky.feed.like" }), 0));
        Assert.Null(BlueskyMentions.From(Notification("at://x/app.bsky.feed.post/2", "mention", new JsonObject { ["$type"] = "app.bsky.feed.like" }), 0));
    }

    [Fact]
    public void The_createRecord_response_names_the_post_and_its_permalink()
    {
        var created = Fixture.Json("Bluesky", "createRecord-response.json").Deserialize<RecordRef>(Json)!;
        Assert.Equal("bafyreibjifzpqj6o6wcq3hejh7y4z4z2vmiklkvykc57tw3pcbx3kxifpm", created.Cid);
        Assert.Equal("https://bsky.app/profile/did:plc:u5cwb2mwiv2bfq53cjufe6yn/post/3k4duaz5vfs2b", Permalink(created.Uri));
    }
}
