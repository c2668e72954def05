using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Jobs;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Api.Tests.Channels.X;

public sealed class XReplyTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private FakeX x = null!;
    private XChannel channel = null!;

    public async Task InitializeAsync()
    {
        server = await CareDeskServer.StartAsync(new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "4" });
        x = await FakeX.StartAsync();
        channel = await XChannel.CreateAsync(server, x.Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await x.DisposeAsync();
    }

    private async Task<Guid> MentionConversationAsync()
    {
        await channel.DeliverAsync(server, Fixture.Json("X", "xaa-post.mention.create.json"));
        return (await ConversationProbe.ConversationOfAsync(server, channel.Id, "2080765813578191303")).Id;
    }

    private async Task<Guid> DirectMessageConversationAsync()
    {
        await channel.DeliverAsync(server, Fixture.Json("X", "xaa-dm.received.json"));
        return (await ConversationProbe.ConversationOfAsync(server, channel.Id, "2080765901528535096")).Id;
    }

    [Fact]
    public async Task A_reply_to_a_mention_is_posted_as_a_reply_post_with_the_user_token()
    {
        var conversationId = await MentionConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Sorry to hear that! We're on it.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        var post = Assert.Single(x.Requests("POST", "/2/tweets"));
        Assert.Equal("Bearer " + XChannel.AccessToken, post.Headers["Authorization"]);
        var body = JsonNode.Parse(post.Text)!;
        var documented = Fixture.Json("X", "v2-post-tweets-reply-request.json");
        Assert.Equal(Shape(documented), Shape(body));
        Assert.Equal("Sorry to hear that! We're on it.", body["text"]!.GetValue<string>());
        Assert.Equal("2080765813578191303", body["reply"]!["in_reply_to_tweet_id"]!.GetValue<string>());
        var id = x.Posts.Single()["id"]!.GetValue<string>();
        Assert.Equal(id, reply.GetProperty("platformMessageId").GetString());
        Assert.Equal($"https://x.com/{XChannel.AccountHandle}/status/{id}", reply.GetProperty("permalink").GetString());
        Assert.Empty(x.Requests("GET", "/2/users/")); // A first attempt has nothing to look for.
    }

    [Fact]
    public async Task A_reply_to_a_direct_message_is_sent_as_a_direct_message()
    {
        var conversationId = await DirectMessageConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Hi! How can we help?");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        var sent = Assert.Single(x.Requests("POST", "/2/dm_conversations/with/"));
        Assert.Equal("/2/dm_conversations/with/2222222222222222222/messages", sent.Path);
        Assert.Equal(Shape(Fixture.Json("X", "v2-dm-send-request.json")), Shape(JsonNode.Parse(sent.Text)!));
        Assert.Equal("Hi! How can we help?", JsonNode.Parse(sent.Text)!["text"]!.GetValue<string>());
        Assert.Equal(x.DirectMessages.Single()["id"]!.GetValue<string>(), reply.GetProperty("platformMessageId").GetString());
        Assert.Equal($"https://x.com/messages/2222222222222222222-{XChannel.AccountId}", reply.GetProperty("permalink").GetString());
        Assert.Empty(x.Requests("POST", "/2/tweets"));
    }

    [Fact]
    public async Task A_server_error_that_published_nothing_is_retried_and_then_sent_once()
    {
        x.Failures.Enqueue(new FakeX.Failure(503));
        var conversationId = await MentionConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Thanks for your patience.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        Assert.Equal(2, reply.GetProperty("deliveryAttempts").GetInt32());
        Assert.Equal(2, x.Requests("POST", "/2/tweets").Count()); // The pipeline did not re-send the POST by itself.
        Assert.Single(x.Requests("GET", $"/2/users/{XChannel.AccountId}/tweets")); // The retry looked first.
        Assert.Single(x.Posts);
    }

    [Fact]
    public async Task A_retry_after_an_unknown_outcome_finds_the_published_reply_instead_of_posting_twice()
    {
        x.Failures.Enqueue(new FakeX.Failure(503, PublishedAnyway: true));
        var conversationId = await MentionConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "We've refunded your order & emailed you: https://example.com/r/1");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        Assert.Single(x.Requests("POST", "/2/tweets"));
        var published = Assert.Single(x.Posts);
        Assert.Equal(published["id"]!.GetValue<string>(), reply.GetProperty("platformMessageId").GetString());
        var lookup = Assert.Single(x.Requests("GET", $"/2/users/{XChannel.AccountId}/tweets"));
        Assert.Contains("start_time=", lookup.Query);
    }

    [Fact]
    public async Task An_attempt_cut_short_by_a_crash_is_looked_for_before_posting_again()
    {
        var conversationId = await MentionConversationAsync();
        const string text = "Sorry about that, a replacement is on its way.";
        // What a process that died right after X published the reply leaves behind: the post on X, and an outbox row
        // whose attempt was counted when it started, its lease run out, its outcome never recorded.
        x.Posts.Enqueue(new JsonObject
        {
            ["id"] = "1800000000000000999",
            ["text"] = "@OtherUser " + text,
            ["created_at"] = DateTime.UtcNow.AddSeconds(-20).ToString("O"),
            ["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = "2080765813578191303" }),
        });
        var replyId = Guid.NewGuid();
        await server.WithDbAsync(async db =>
        {
            db.Messages.Add(new Message
            {
                Id = replyId, ConversationId = conversationId, ChannelId = Guid.Parse(channel.Id), Kind = MessageKind.Reply, Text = text,
                CreatedAt = DateTime.UtcNow.AddSeconds(-30), DeliveryStatus = DeliveryStatus.Queued, DeliveryAttempts = 1,
                NextAttemptAt = DateTime.UtcNow.AddSeconds(-30), DeliveryLeaseUntil = DateTime.UtcNow.AddSeconds(-1),
            });
            return await db.SaveChangesAsync();
        });

        server.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeliverReplyJob>(job => job.Run(replyId, CancellationToken.None));
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId.ToString());

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        Assert.Equal("1800000000000000999", reply.GetProperty("platformMessageId").GetString());
        Assert.Empty(x.Requests("POST", "/2/tweets"));
    }

    [Fact]
    public async Task A_direct_message_retry_after_an_unknown_outcome_is_not_sent_twice()
    {
        x.Failures.Enqueue(new FakeX.Failure(500, PublishedAnyway: true));
        var conversationId = await DirectMessageConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Your replacement ships today.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        Assert.Single(x.Requests("POST", "/2/dm_conversations/with/"));
        Assert.Equal(x.DirectMessages.Single()["id"]!.GetValue<string>(), reply.GetProperty("platformMessageId").GetString());
    }

    [Fact]
    public async Task A_rate_limit_waits_for_the_reset_and_then_sends()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();
        x.Failures.Enqueue(new FakeX.Failure(429, Headers: new Dictionary<string, string> { ["x-rate-limit-reset"] = reset }));
        var conversationId = await MentionConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Looking into it now.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        Assert.Equal(2, x.Requests("POST", "/2/tweets").Count());
    }

    [Theory]
    [InlineData(401, "access token")]
    [InlineData(403, "does not allow")]
    [InlineData(404, "no longer exists")]
    [InlineData(400, "refused")]
    public async Task A_permanent_error_fails_at_once_with_a_readable_reason(int status, string reason)
    {
        x.Failures.Enqueue(new FakeX.Failure(status));
        var conversationId = await MentionConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Hello there.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("failed", reply.GetProperty("deliveryStatus").GetString());
        Assert.Contains(reason, reply.GetProperty("deliveryError").GetString());
        Assert.Contains($"Fake failure {status}.", reply.GetProperty("deliveryError").GetString());
        Assert.Single(x.Requests("POST", "/2/tweets"));
    }

    [Fact]
    public async Task A_reply_post_over_280_characters_fails_without_calling_X()
    {
        var conversationId = await MentionConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, new string('a', 281));
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("failed", reply.GetProperty("deliveryStatus").GetString());
        Assert.Contains("limited to 280", reply.GetProperty("deliveryError").GetString());
        Assert.Empty(x.Server.Requests);
    }

    /// <summary>The field names of a JSON document, nested, so a request can be compared with the documented one.</summary>
    private static string Shape(JsonNode node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key).Select(p => p.Key + ":" + Shape(p.Value!))) + "}",
        _ => node.GetValueKind() == JsonValueKind.String ? "string" : node.GetValueKind().ToString(),
    };
}
