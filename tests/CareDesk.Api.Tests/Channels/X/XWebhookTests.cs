using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels;
using CareDesk.Api.Channels.X;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.X;

public sealed class XWebhookTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private XChannel channel = null!;

    public async Task InitializeAsync()
    {
        server = await CareDeskServer.StartAsync();
        channel = await XChannel.CreateAsync(server);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static JsonObject Load(string name) => Fixture.Json("X", name);

    [Fact]
    public async Task The_crc_check_answers_with_the_hmac_of_the_token()
    {
        using var client = server.CreateClient();
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/x/{channel.Key}?crc_token=test%3D1%26other_test%3D2");
        var expected = XSignature.CrcResponseToken("test=1&other_test=2", XChannel.ConsumerSecret);
        Assert.Equal(expected, answer.GetProperty("response_token").GetString());
        Assert.Equal(Fixture.Json("X", "crc-response-example.json").Select(p => p.Key), answer.EnumerateObject().Select(p => p.Name));

        var missing = await client.GetAsync($"/api/webhooks/x/{channel.Key}");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/webhooks/x/no-such-key?crc_token=a")).StatusCode);
    }

    [Fact]
    public async Task A_bad_signature_or_a_malformed_body_is_rejected()
    {
        var body = Encoding.UTF8.GetBytes(Load("xaa-post.mention.create.json").ToJsonString());
        var tampered = await channel.PostRawAsync(server, body, XSignature.Sign(body, "wrong secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.PostRawAsync(server, body, "")).StatusCode);
        Assert.Null(await ConversationProbe.MentionAsync(server, channel.Id, "2080765813578191303"));

        // The documented envelope is a template: an event whose payload is empty names no post.
        var envelope = Fixture.Text("X", "xaa-envelope.json");
        foreach (var malformed in new[] { envelope, "{not json", "[]", """{"for_user_id":"1"}""", """{"data":{"event_type":"post.mention.create"}}""", """{"tweet_create_events":[{"text":"no id"}]}""" })
        {
            var response = await channel.PostRawAsync(server, Encoding.UTF8.GetBytes(malformed));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_activity_api_mention_becomes_a_post_with_its_author_and_permalink_once()
    {
        var receipt = await channel.DeliverAsync(server, Load("xaa-post.mention.create.json"));
        Assert.Equal(1, receipt.GetProperty("ingested").GetInt32());

        var conversation = await ConversationProbe.ConversationOfAsync(server, channel.Id, "2080765813578191303");
        Assert.Equal("2080765813578191303", conversation.ThreadId);
        Assert.Equal("2222222222222222222", conversation.Contact.PlatformUserId);
        Assert.Equal("OtherUser", conversation.Contact.Handle);
        Assert.Equal(97, conversation.Contact.Followers);
        var mention = (await ConversationProbe.MentionAsync(server, channel.Id, "2080765813578191303"))!;
        Assert.Equal("hey @ExampleUser", mention.Text);
        Assert.Equal(MentionKind.Post, mention.MentionKind);
        Assert.Equal(new DateTime(2026, 7, 24, 21, 23, 23, DateTimeKind.Utc), mention.CreatedAt);
        Assert.Equal("https://x.com/OtherUser/status/2080765813578191303", mention.Permalink);
        Assert.NotEqual("und", mention.Language); // X says "und" when it cannot tell; CareDesk detects the language itself then.

        var again = await channel.DeliverAsync(server, Load("xaa-post.mention.create.json"));
        Assert.Equal(0, again.GetProperty("ingested").GetInt32());
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task An_activity_api_reply_joins_its_conversation_thread_even_without_included_users()
    {
        await channel.DeliverAsync(server, Load("xaa-post.reply.create.json"));

        var mention = (await ConversationProbe.MentionAsync(server, channel.Id, "2090000000000000001"))!;
        Assert.Equal(MentionKind.Comment, mention.MentionKind);
        Assert.Equal("2080761390344937796", mention.ParentPlatformId);
        Assert.Equal("en", mention.Language);
        Assert.Equal("https://x.com/i/web/status/2090000000000000001", mention.Permalink);
        var conversation = await ConversationProbe.ConversationOfAsync(server, channel.Id, "2090000000000000001");
        Assert.Equal("2080761390344937796", conversation.ThreadId);
        Assert.Equal("2222222222222222222", conversation.Contact.PlatformUserId);
    }

    [Fact]
    public async Task An_account_activity_reply_keeps_its_string_id_and_parent_and_our_own_is_skipped()
    {
        // As delivered, the fixture is the subscribed account (for_user_id) replying to itself: our own post.
        var own = await channel.DeliverAsync(server, Load("aaa-tweet_create_events-reply.COMPOSED.json"));
        Assert.Equal(0, own.GetProperty("ingested").GetInt32());
        Assert.Equal(1, own.GetProperty("skippedReasons").GetProperty(XPayloads.OwnPost).GetInt32());

        var forUs = Load("aaa-tweet_create_events-reply.COMPOSED.json");
        forUs["for_user_id"] = XChannel.AccountId;
        Assert.Equal(1, (await channel.DeliverAsync(server, forUs)).GetProperty("ingested").GetInt32());

        // id 1296887316556980200 is id_str 1296887316556980230 after a trip through a double.
        var mention = (await ConversationProbe.MentionAsync(server, channel.Id, "1296887316556980230"))!;
        Assert.StartsWith("See how @PennMedCDH are using X data", mention.Text);
        Assert.Equal(MentionKind.Comment, mention.MentionKind);
        Assert.Equal("1296887316556980230", mention.PlatformMessageId);
        Assert.Equal("1296887091901718529", mention.ParentPlatformId);
        Assert.Equal(new DateTime(2020, 8, 21, 19, 10, 5, DateTimeKind.Utc), mention.CreatedAt);
        Assert.Equal("https://x.com/XDevelopers/status/1296887316556980230", mention.Permalink);
        var conversation = await ConversationProbe.ConversationOfAsync(server, channel.Id, "1296887316556980230");
        Assert.Equal("1296887091901718529", conversation.ThreadId);
        Assert.Equal(512292, conversation.Contact.Followers);
    }

    [Fact]
    public async Task A_long_post_is_stored_with_its_full_text()
    {
        // The documented sample elides the user object; a user is put in its place to make it JSON.
        var text = Fixture.Text("X", "aaa-tweet_create_events-longform.DOC-ELIDED.txt")
            .Replace("\"user\": { ... }", "\"user\": { \"id\": 42, \"id_str\": \"42\", \"name\": \"History Fan\", \"screen_name\": \"historyfan\", \"followers_count\": 12 }");
        await channel.DeliverAsync(server, JsonNode.Parse(text)!);

        var mention = (await ConversationProbe.MentionAsync(server, channel.Id, "1924465506158878979"))!;
        Assert.StartsWith("The Antikythera Mechanism: A Window into Ancient Ingenuity Discovered in 1901 among the wreckage of a Roman ship off the Greek island", mention.Text);
        Assert.DoesNotContain("https://t.co/bzbEKj8cd8", mention.Text);
        Assert.Equal(MentionKind.Post, mention.MentionKind);
    }

    [Fact]
    public async Task A_long_activity_api_post_uses_its_note_tweet_text()
    {
        var payload = Load("xaa-post.mention.create.json");
        var longText = "hey @ExampleUser " + string.Concat(Enumerable.Repeat("my order is late again. ", 20));
        payload["data"]!["payload"]!["note_tweet"] = new JsonObject { ["text"] = longText };
        await channel.DeliverAsync(server, payload);

        Assert.Equal(longText, (await ConversationProbe.MentionAsync(server, channel.Id, "2080765813578191303"))!.Text);
    }

    [Fact]
    public async Task Direct_messages_of_both_apis_become_direct_mentions_threaded_by_the_customer()
    {
        await channel.DeliverAsync(server, Load("xaa-dm.received.json"));
        var dm = (await ConversationProbe.MentionAsync(server, channel.Id, "2080765901528535096"))!;
        Assert.Equal(MentionKind.Direct, dm.MentionKind);
        Assert.Equal("hello!", dm.Text);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1784928224372), dm.CreatedAt);
        var conversation = await ConversationProbe.ConversationOfAsync(server, channel.Id, "2080765901528535096");
        Assert.Equal("2222222222222222222", conversation.ThreadId);
        Assert.Equal("OtherUser", conversation.Contact.Handle);
        Assert.Equal(97, conversation.Contact.Followers);

        var receipt = await channel.DeliverAsync(server, Load("aaa-direct_message_events.json"));
        Assert.Equal(1, receipt.GetProperty("ingested").GetInt32());
        var older = await ConversationProbe.ConversationOfAsync(server, channel.Id, "954491830116155396");
        Assert.Equal("3001969357", older.ThreadId);
        Assert.Equal("furiouscamper", older.Contact.Handle);
        Assert.Equal("Jordan Brinks", older.Contact.Name);
        Assert.Equal(22, older.Contact.Followers);
    }

    [Theory]
    [InlineData("xaa-dm.sent.json", XPayloads.OwnDirectMessage)]
    [InlineData("xaa-post.create.json", XPayloads.OwnPost)]
    [InlineData("aaa-direct_message_indicate_typing_events.json", "typing indicator")]
    [InlineData("aaa-direct_message_mark_read_events.json", "read receipt")]
    [InlineData("xaa-chat.received.json", "encrypted XChat message")]
    [InlineData("xaa-post.delete.json", "deletion of our own post")]
    [InlineData("aaa-tweet_delete_events.json", "deletion of our own post")]
    public async Task Events_we_do_not_store_are_acknowledged_and_counted_with_their_reason(string fixture, string reason)
    {
        var receipt = await channel.DeliverAsync(server, Load(fixture));

        Assert.Equal(0, receipt.GetProperty("ingested").GetInt32());
        Assert.Equal(1, receipt.GetProperty("skipped").GetInt32());
        Assert.Equal(1, receipt.GetProperty("skippedReasons").GetProperty(reason).GetInt32());
        Assert.Equal(0, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.ChannelId == Guid.Parse(channel.Id))));
    }

    [Theory]
    [InlineData("xaa-oauth.revoke.json")]
    [InlineData("aaa-user_event-revoke.json")]
    public async Task A_revoked_authorisation_is_recorded_on_the_channel(string fixture)
    {
        var receipt = await channel.DeliverAsync(server, Load(fixture));

        Assert.Equal(1, receipt.GetProperty("skippedReasons").GetProperty(XPayloads.Revocation).GetInt32());
        var lastError = await server.WithDbAsync(db => db.Channels.Where(c => c.Id == Guid.Parse(channel.Id)).Select(c => c.LastError).SingleAsync());
        Assert.Contains("revoked", lastError);
    }

    [Fact]
    public async Task Deleted_posts_of_both_apis_are_marked_deleted()
    {
        await channel.DeliverAsync(server, Load("xaa-post.mention.create.json"));
        await channel.DeliverAsync(server, Load("xaa-post.reply.create.json"));

        var xaaDelete = Load("xaa-post.delete.json");
        xaaDelete["data"]!["payload"] = new JsonObject { ["id"] = "2080765813578191303", ["author_id"] = "2222222222222222222" };
        Assert.Equal(1, (await channel.DeliverAsync(server, xaaDelete)).GetProperty("deleted").GetInt32());

        var aaaDelete = Load("aaa-tweet_delete_events.json");
        aaaDelete["for_user_id"] = XChannel.AccountId;
        aaaDelete["tweet_delete_events"]![0]!["status"] = new JsonObject { ["id"] = "2090000000000000001", ["user_id"] = "2222222222222222222" };
        Assert.Equal(1, (await channel.DeliverAsync(server, aaaDelete)).GetProperty("deleted").GetInt32());

        Assert.NotNull((await ConversationProbe.MentionAsync(server, channel.Id, "2080765813578191303"))!.DeletedAt);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1432228155593), (await ConversationProbe.MentionAsync(server, channel.Id, "2090000000000000001"))!.DeletedAt);

        var retried = await channel.DeliverAsync(server, xaaDelete.DeepClone());
        Assert.Equal(1, retried.GetProperty("deleted").GetInt32());

        var never = Load("xaa-post.delete.json");
        never["data"]!["payload"] = new JsonObject { ["id"] = "1", ["author_id"] = "2222222222222222222" };
        Assert.Equal(1, (await channel.DeliverAsync(server, never)).GetProperty("skippedReasons").GetProperty(PlatformEvents.UnknownDeletion).GetInt32());
    }

    [Fact]
    public async Task An_edited_post_updates_the_mention_stored_under_its_original_id()
    {
        await channel.DeliverAsync(server, Load("xaa-post.mention.create.json"));

        var edit = Load("xaa-post.mention.create.json");
        var post = edit["data"]!["payload"]!;
        post["id"] = "2080765813578199999";
        post["text"] = "hey @ExampleUser, my parcel never arrived";
        post["created_at"] = "2026-07-24T21:30:00.000Z";
        post["edit_history_tweet_ids"] = new JsonArray("2080765813578191303", "2080765813578199999");
        var receipt = await channel.DeliverAsync(server, edit);

        Assert.Equal(1, receipt.GetProperty("edited").GetInt32());
        var mention = (await ConversationProbe.MentionAsync(server, channel.Id, "2080765813578191303"))!;
        Assert.Equal("hey @ExampleUser, my parcel never arrived", mention.Text);
        Assert.Equal("hey @ExampleUser", mention.OriginalText);
        Assert.Equal(1, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.ChannelId == Guid.Parse(channel.Id))));
    }

    [Fact]
    public async Task A_batch_is_handled_item_by_item()
    {
        var batch = Load("aaa-direct_message_events.json");
        var ours = batch["direct_message_events"]![0]!.DeepClone();
        ours["id"] = "954491830116155397";
        ours["message_create"]!["sender_id"] = "4337869213";
        var second = batch["direct_message_events"]![0]!.DeepClone();
        second["id"] = "954491830116155398";
        second["message_create"]!["message_data"]!["text"] = "Are you there?";
        batch["direct_message_events"]!.AsArray().Add(ours);
        batch["direct_message_events"]!.AsArray().Add(second);

        var receipt = await channel.DeliverAsync(server, batch);

        Assert.Equal(2, receipt.GetProperty("ingested").GetInt32());
        Assert.Equal(1, receipt.GetProperty("skippedReasons").GetProperty(XPayloads.OwnDirectMessage).GetInt32());
        var first = await ConversationProbe.ConversationOfAsync(server, channel.Id, "954491830116155396");
        var next = await ConversationProbe.ConversationOfAsync(server, channel.Id, "954491830116155398");
        Assert.Equal(first.Id, next.Id);
    }
}
