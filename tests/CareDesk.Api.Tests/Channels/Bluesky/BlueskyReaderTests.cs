using System.Text.Json.Nodes;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.Bluesky;

public sealed class BlueskyReaderTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private FakeBluesky fake = null!;

    public async Task InitializeAsync() => fake = await FakeBluesky.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private static string Uri(string did, string rkey) => $"at://{did}/app.bsky.feed.post/{rkey}";

    [Fact]
    public async Task Mentions_replies_and_quotes_are_ingested_with_followers_and_threads_while_likes_and_our_own_posts_are_not()
    {
        var mentionRecord = Fixture.Json("Bluesky", "record-post-with-mention-and-link-facets.json");
        fake.Add(FakeBluesky.Notification("3k4duaz5vfs2b", "did:plc:alice", "alice.test", "mention", mentionRecord, Start));
        fake.Add(FakeBluesky.Notification("like1", "did:plc:bob", "bob.test", "like", new JsonObject { ["$type"] = "app.bsky.feed.like" }, Start.AddSeconds(1)));
        fake.Add(FakeBluesky.Notification("own1", FakeBluesky.OurDid, FakeBluesky.Handle, "reply", FakeBluesky.PostRecord("our own reply"), Start.AddSeconds(2)));
        var replyRef = new JsonObject
        {
            ["root"] = new JsonObject { ["uri"] = Uri("did:plc:alice", "3k4duaz5vfs2b"), ["cid"] = "bafycid3k4duaz5vfs2b" },
            ["parent"] = new JsonObject { ["uri"] = Uri("did:plc:alice", "3k4duaz5vfs2b"), ["cid"] = "bafycid3k4duaz5vfs2b" },
        };
        fake.Add(FakeBluesky.Notification("reply1", "did:plc:alice", "alice.test", "reply", FakeBluesky.PostRecord("any news?", replyRef), Start.AddSeconds(3)));
        fake.Add(FakeBluesky.Notification("quote1", "did:plc:carol", "carol.test", "quote", FakeBluesky.PostRecord("look at this"), Start.AddSeconds(4)));

        await using var server = await CareDeskServer.StartAsync(BlueskyDesk.Settings());
        var channelId = await BlueskyDesk.CreateChannelAsync(server, fake);

        var thread = await BlueskyDesk.WaitForMentionAsync(server, Uri("did:plc:alice", "3k4duaz5vfs2b"));
        Assert.Equal(thread, await BlueskyDesk.WaitForMentionAsync(server, Uri("did:plc:alice", "reply1")));
        Assert.NotEqual(thread, await BlueskyDesk.WaitForMentionAsync(server, Uri("did:plc:carol", "quote1")));

        var first = await server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == Uri("did:plc:alice", "3k4duaz5vfs2b")));
        Assert.Equal(mentionRecord["text"]!.GetValue<string>(), first.Text);
        Assert.Equal(MentionKind.Post, first.MentionKind);
        Assert.Equal("https://bsky.app/profile/did:plc:alice/post/3k4duaz5vfs2b", first.Permalink);
        var reply = await server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == Uri("did:plc:alice", "reply1")));
        Assert.Equal((MentionKind.Comment, Uri("did:plc:alice", "3k4duaz5vfs2b"), "en"), (reply.MentionKind!.Value, reply.ParentPlatformId, reply.Language));
        var alice = await server.WithDbAsync(db => db.Contacts.SingleAsync(c => c.PlatformUserId == "did:plc:alice"));
        Assert.Equal(("@alice.test", "Name of alice.test", 321), (alice.Handle, alice.Name, alice.Followers));

        var channel = await Eventually.Get(() => server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Id == channelId)), c => c.Cursor?.EndsWith("quote1") == true);
        Assert.True(channel.Connected);
        Assert.Equal(3, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.ChannelId == channelId)));
        var listing = fake.Requests("app.bsky.notification.listNotifications").First();
        Assert.Contains("reasons=mention&reasons=reply&reasons=quote", listing.Query);
        Assert.Equal($"Bearer {fake.AccessToken}", listing.Headers["Authorization"]);
        Assert.Single(fake.Requests("com.atproto.server.createSession"));
    }

    [Fact]
    public async Task New_notifications_over_several_pages_and_a_restart_are_ingested_exactly_once()
    {
        var rkeys = Enumerable.Range(1, 9).Select(i => $"n{i}").ToList();
        fake.Add(FakeBluesky.Notification(rkeys[0], "did:plc:u1", "u1.test", "mention", FakeBluesky.PostRecord("first"), Start));
        var first = await CareDeskServer.StartAsync(BlueskyDesk.Settings(pageSize: 2));
        var channelId = await BlueskyDesk.CreateChannelAsync(first, fake);
        await BlueskyDesk.WaitForMentionAsync(first, Uri("did:plc:u1", rkeys[0]));

        // More than a page arrives between two polls: the reader pages back to where it was.
        for (var i = 1; i < 5; i++)
            fake.Add(FakeBluesky.Notification(rkeys[i], $"did:plc:u{i + 1}", $"u{i + 1}.test", "mention", FakeBluesky.PostRecord($"mention {i + 1}"), Start.AddSeconds(i)));
        await BlueskyDesk.WaitForMentionAsync(first, Uri("did:plc:u5", rkeys[4]));
        await Eventually.Get(() => first.WithDbAsync(db => db.Channels.Where(c => c.Id == channelId).Select(c => c.Cursor).SingleAsync()), c => c?.EndsWith(rkeys[4]) == true);
        var dataFolder = first.DataFolder;
        await first.DisposeAsync();

        // While the desk is down: two notifications indexed in the same millisecond, and more than a page in all.
        for (var i = 5; i < 9; i++)
            fake.Add(FakeBluesky.Notification(rkeys[i], $"did:plc:u{i + 1}", $"u{i + 1}.test", "reply", FakeBluesky.PostRecord($"mention {i + 1}"), Start.AddSeconds(i is 6 ? 5 : i)));
        await using var second = await CareDeskServer.StartAsync(BlueskyDesk.Settings(pageSize: 2), dataFolder);
        foreach (var i in Enumerable.Range(5, 4))
            await BlueskyDesk.WaitForMentionAsync(second, Uri($"did:plc:u{i + 1}", rkeys[i]));
        await Task.Delay(1000); // a few more polls: nothing may come twice

        var stored = await second.WithDbAsync(db => db.Messages.Where(m => m.ChannelId == channelId).Select(m => m.PlatformMessageId!).ToListAsync());
        Assert.Equal(rkeys.Select((r, i) => Uri($"did:plc:u{i + 1}", r)).Order(), stored.Order());
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_and_reading_goes_on()
    {
        await using var server = await CareDeskServer.StartAsync(BlueskyDesk.Settings());
        var channelId = await BlueskyDesk.CreateChannelAsync(server, fake);
        await Eventually.Get(() => server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Id == channelId)), c => c.Connected == true);

        var expiredRefreshToken = fake.RefreshToken;
        fake.ExpireAccessToken();
        fake.Add(FakeBluesky.Notification("late", "did:plc:dora", "dora.test", "mention", FakeBluesky.PostRecord("hello?"), Start));
        await BlueskyDesk.WaitForMentionAsync(server, Uri("did:plc:dora", "late"));

        var refresh = Assert.Single(fake.Requests("com.atproto.server.refreshSession"));
        Assert.Equal($"Bearer {expiredRefreshToken}", refresh.Headers["Authorization"]);
        Assert.Single(fake.Requests("com.atproto.server.createSession"));
        Assert.Null(await server.WithDbAsync(db => db.Channels.Where(c => c.Id == channelId).Select(c => c.LastError).SingleAsync()));
    }

    [Fact]
    public async Task A_wrong_app_password_is_recorded_as_the_channels_error()
    {
        await using var server = await CareDeskServer.StartAsync(BlueskyDesk.Settings());
        var channelId = await BlueskyDesk.CreateChannelAsync(server, fake, appPassword: "wrong-pass-word-xxxx");
        var channel = await Eventually.Get(() => server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Id == channelId)), c => c.LastError is not null);
        Assert.Contains("log in", channel.LastError);
        Assert.Contains("AuthenticationRequired", channel.LastError);
        Assert.NotEqual(true, channel.Connected);
    }

    [Fact]
    public async Task A_deleted_post_is_marked_deleted_and_a_changed_one_edited()
    {
        fake.Add(FakeBluesky.Notification("gone", "did:plc:erin", "erin.test", "mention", FakeBluesky.PostRecord("my card number is 1234"), Start));
        fake.Add(FakeBluesky.Notification("changed", "did:plc:finn", "finn.test", "mention", FakeBluesky.PostRecord("the app crashes"), Start.AddSeconds(1)));
        fake.Add(FakeBluesky.Notification("kept", "did:plc:gail", "gail.test", "mention", FakeBluesky.PostRecord("hello"), Start.AddSeconds(2)));
        await using var server = await CareDeskServer.StartAsync(BlueskyDesk.Settings());
        await BlueskyDesk.CreateChannelAsync(server, fake);
        foreach (var (did, rkey) in new[] { ("did:plc:erin", "gone"), ("did:plc:finn", "changed"), ("did:plc:gail", "kept") })
            await BlueskyDesk.WaitForMentionAsync(server, Uri(did, rkey));

        fake.DeletePost(Uri("did:plc:erin", "gone"));
        fake.ChangePostText(Uri("did:plc:finn", "changed"), "the app crashes on login");

        var deleted = await Eventually.Get(() => server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == Uri("did:plc:erin", "gone"))), m => m.DeletedAt is not null);
        Assert.Equal("my card number is 1234", deleted.Text);
        var edited = await Eventually.Get(() => server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == Uri("did:plc:finn", "changed"))), m => m.EditedAt is not null);
        Assert.Equal(("the app crashes on login", "the app crashes"), (edited.Text, edited.OriginalText));
        var kept = await server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == Uri("did:plc:gail", "kept")));
        Assert.Equal((null, null), (kept.DeletedAt, kept.EditedAt));
    }
}
