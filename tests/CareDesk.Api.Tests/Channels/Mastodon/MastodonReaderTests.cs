using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.Mastodon;

public sealed class MastodonReaderTests : IAsyncLifetime
{
    private FakeMastodon fake = null!;

    public async Task InitializeAsync() => fake = await FakeMastodon.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task Polled_and_streamed_mentions_land_in_their_conversations_and_our_own_statuses_are_skipped()
    {
        fake.AddMention(FakeMastodon.Status("101", "c-alice", "alice", "<p><span class=\"h-card\"><a href=\"https://social.example/@caredesk\" class=\"u-url mention\">@<span>caredesk</span></a></span> my order is late</p>"));
        fake.AddMention(FakeMastodon.Status("102", FakeMastodon.OurAccountId, "caredesk", "<p>our own note mentioning ourselves</p>"));
        // The stream is only a fast path: with an hour between polls, the fixture event can only arrive through it.
        await using var server = await CareDeskServer.StartAsync(MastodonDesk.Settings(pollInterval: TimeSpan.FromHours(1)));
        var channelId = await MastodonDesk.CreateChannelAsync(server, fake);

        var first = await MastodonDesk.WaitForMentionAsync(server, "101");
        var stored = await server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == "101"));
        Assert.Equal("@caredesk my order is late", stored.Text);
        Assert.Equal(MentionKind.Post, stored.MentionKind);
        Assert.Equal("https://social.example/@alice/101", stored.Permalink);
        var contact = await server.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == stored.ContactId));
        Assert.Equal(("c-alice", "@alice", "Name of alice", 42), (contact.PlatformUserId, contact.Handle, contact.Name, contact.Followers));
        Assert.Single(fake.Requests("GET", "/api/v1/accounts/verify_credentials"), r => r.Headers["Authorization"] == $"Bearer {FakeMastodon.Token}");

        await Eventually.Get(() => Task.FromResult(fake.StreamCount), n => n == 1);
        fake.Push(Fixture.Text("Mastodon", "streaming-sse-user-notification-mention.txt"));
        var streamed = await MastodonDesk.WaitForMentionAsync(server, "108914343542683797");
        Assert.NotEqual(first, streamed);
        Assert.Equal("@trwnh test", await server.WithDbAsync(db => db.Messages.Where(m => m.PlatformMessageId == "108914343542683797").Select(m => m.Text).SingleAsync()));

        var followUp = fake.AddMention(FakeMastodon.Status("103", "c-alice", "alice", "<p>still waiting</p>", inReplyTo: "101"));
        fake.Push(fake.NotificationEvent(followUp));
        Assert.Equal(first, await MastodonDesk.WaitForMentionAsync(server, "103"));
        Assert.Equal("101", await server.WithDbAsync(db => db.Messages.Where(m => m.PlatformMessageId == "103").Select(m => m.ParentPlatformId).SingleAsync()));

        var channel = await Eventually.Get(() => server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Id == channelId)), c => c.Cursor == followUp);
        Assert.True(channel.Connected);
        Assert.Equal(0, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.PlatformMessageId == "102")));
        Assert.All(fake.Requests("GET", "/api/v1/notifications"), r => Assert.Contains("types[]=mention", Uri.UnescapeDataString(r.Query)));
    }

    [Fact]
    public async Task Streamed_edits_and_deletions_change_the_stored_mentions()
    {
        var toEdit = Fixture.Json("Mastodon", "status-edited.from-streaming.json");
        toEdit["content"] = "<p>original</p>";
        toEdit["edited_at"] = null;
        fake.AddMention(toEdit);
        fake.AddMention(FakeMastodon.Status("107214471804101576", "c-bob", "bob@other.example", "<p>please delete my address</p>"));
        await using var server = await CareDeskServer.StartAsync(MastodonDesk.Settings());
        await MastodonDesk.CreateChannelAsync(server, fake);
        await MastodonDesk.WaitForMentionAsync(server, "109348677773283527");
        await MastodonDesk.WaitForMentionAsync(server, "107214471804101576");
        await Eventually.Get(() => Task.FromResult(fake.StreamCount), n => n == 1);

        fake.Push(Fixture.Text("Mastodon", "streaming-sse-status.update-edit.txt"));
        var edited = await Eventually.Get(
            () => server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == "109348677773283527")), m => m.EditedAt is not null);
        Assert.Equal("edited", edited.Text);
        Assert.Equal("original", edited.OriginalText);
        Assert.Equal(new DateTime(2022, 11, 15, 16, 7, 29, 23, DateTimeKind.Utc), DateTime.SpecifyKind(edited.EditedAt!.Value, DateTimeKind.Utc));

        fake.Push(Fixture.Text("Mastodon", "streaming-sse-delete.txt"));
        var deleted = await Eventually.Get(
            () => server.WithDbAsync(db => db.Messages.SingleAsync(m => m.PlatformMessageId == "107214471804101576")), m => m.DeletedAt is not null);
        Assert.Equal("please delete my address", deleted.Text);
    }

    [Fact]
    public async Task A_dropped_stream_and_a_restart_resume_from_the_cursor_without_gaps_or_doubles()
    {
        var ids = Enumerable.Range(201, 6).Select(i => i.ToString()).ToList();
        foreach (var id in ids.Take(3))
            fake.AddMention(FakeMastodon.Status(id, "c-" + id, "user" + id, $"<p>mention {id}</p>"));
        var first = await CareDeskServer.StartAsync(MastodonDesk.Settings());
        var channelId = await MastodonDesk.CreateChannelAsync(first, fake);
        await MastodonDesk.WaitForMentionAsync(first, ids[2]);
        await Eventually.Get(() => Task.FromResult(fake.StreamCount), n => n == 1);

        fake.CloseStreams();
        var whileDisconnected = fake.AddMention(FakeMastodon.Status(ids[3], "c-x", "userx", "<p>mention while the stream was down</p>"));
        await MastodonDesk.WaitForMentionAsync(first, ids[3]);
        await Eventually.Get(() => first.WithDbAsync(db => db.Channels.Where(c => c.Id == channelId).Select(c => c.Cursor).SingleAsync()), c => c == whileDisconnected);
        var dataFolder = first.DataFolder;
        await first.DisposeAsync();

        fake.AddMention(FakeMastodon.Status(ids[4], "c-y", "usery", "<p>mention while the desk was down</p>"));
        fake.AddMention(FakeMastodon.Status(ids[5], "c-z", "userz", "<p>another one</p>"));
        var requestsBefore = fake.Server.Requests.Count;
        await using var second = await CareDeskServer.StartAsync(MastodonDesk.Settings(), dataFolder);
        await MastodonDesk.WaitForMentionAsync(second, ids[5]);

        var stored = await second.WithDbAsync(db => db.Messages.Where(m => m.Kind == MessageKind.Mention && m.ChannelId == channelId).Select(m => m.PlatformMessageId!).ToListAsync());
        Assert.Equal(ids, stored.Order().ToList());
        var resumedWith = fake.Server.Requests.Skip(requestsBefore).First(r => r.Path == "/api/v1/notifications");
        Assert.Contains($"min_id={whileDisconnected}", resumedWith.Query);
    }

    [Fact]
    public async Task Without_a_stream_polling_alone_delivers_and_the_reason_is_recorded()
    {
        fake.StreamEnabled = false;
        await using var server = await CareDeskServer.StartAsync(MastodonDesk.Settings());
        var channelId = await MastodonDesk.CreateChannelAsync(server, fake, accountId: FakeMastodon.OurAccountId);
        fake.AddMention(FakeMastodon.Status("401", "c-carol", "carol", "<p>hello?</p>"));

        await MastodonDesk.WaitForMentionAsync(server, "401");
        var channel = await Eventually.Get(() => server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Id == channelId)), c => c.LastError is not null);
        Assert.Contains("Streaming unavailable", channel.LastError);
        Assert.Contains("404", channel.LastError);
        Assert.True(channel.Connected);
        Assert.Empty(fake.Requests("GET", "/api/v1/accounts/verify_credentials"));
    }

    [Fact]
    public async Task An_outage_is_recorded_and_the_reader_reconnects_when_the_instance_is_back()
    {
        fake.NotificationsDown = true;
        await using var server = await CareDeskServer.StartAsync(MastodonDesk.Settings());
        var channelId = await MastodonDesk.CreateChannelAsync(server, fake);
        var failing = await Eventually.Get(() => server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Id == channelId)), c => c.LastError is not null);
        Assert.Contains("503", failing.LastError);
        Assert.NotEqual(true, failing.Connected);

        fake.AddMention(FakeMastodon.Status("501", "c-dan", "dan", "<p>are you there?</p>"));
        fake.NotificationsDown = false;
        await MastodonDesk.WaitForMentionAsync(server, "501");
        await Eventually.Get(() => server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Id == channelId)), c => c.Connected == true);
    }
}
