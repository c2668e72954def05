using System.Net;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareDesk.Api.Tests.Conversations;

public sealed class ReplyDeskFixture : DeskFixture
{
    public const int MaxAttempts = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = MaxAttempts.ToString() };
}

/// <summary>
/// A reply is stored, answered 202 queued, and published by the delivery job to the channel's reply endpoint, signed;
/// its delivery state (queued → sent | failed) is pushed live; transient failures are retried, permanent ones are not.
/// </summary>
public sealed class SendReplyTests(ReplyDeskFixture desk) : IClassFixture<ReplyDeskFixture>, IAsyncLifetime
{
    private readonly CareDeskServer server = desk.Server;
    private FakeReplyEndpoint endpoint = null!;
    private GenericChannel channel = null!;
    private HttpClient agent = null!;
    private HubConnection hub = null!;
    private HubInbox inbox = null!;

    public async Task InitializeAsync()
    {
        endpoint = await FakeReplyEndpoint.StartAsync();
        channel = await GenericChannel.CreateAsync(server, replyUrl: endpoint.Url);
        endpoint.Secret = channel.Secret;
        var token = await server.LoginAsync(DemoAccounts.Agent);
        agent = server.CreateClient(token);
        hub = await server.ConnectHubAsync(token);
        inbox = new HubInbox(hub);
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        agent.Dispose();
        await endpoint.DisposeAsync();
    }

    private async Task<(string ConversationId, string MentionId)> NewConversation()
    {
        var mentionId = $"post-{Guid.NewGuid():N}";
        var conversationId = await channel.IngestAsync(server, GenericChannel.Mention(mentionId, "My card was charged twice for one order.", authorId: $"cust-{Guid.NewGuid():N}"));
        return (conversationId, mentionId);
    }

    private async Task<string> Reply(string conversationId, string text)
    {
        var accepted = await HttpAssert.Json(await agent.PostJson($"/api/conversations/{conversationId}/replies", new { text }), HttpStatusCode.Accepted);
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        return accepted.GetProperty("replyId").GetString()!;
    }

    private Task<JsonElement> WaitForStatus(string replyId, string status) =>
        inbox.WaitFor("ReplyStatusChanged", p => p.GetProperty("replyId").GetString() == replyId && p.GetProperty("status").GetString() == status);

    private async Task<JsonElement> StoredReply(string conversationId, string replyId)
    {
        var detail = await HttpAssert.Json(await agent.GetAsync($"/api/conversations/{conversationId}"), HttpStatusCode.OK);
        return detail.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == replyId);
    }

    [Fact]
    public async Task A_reply_is_posted_signed_to_the_reply_url_and_pushed_as_sent()
    {
        var (conversationId, mentionId) = await NewConversation();
        var replyId = await Reply(conversationId, "Sorry about that, we have refunded the second charge.");

        var queued = await WaitForStatus(replyId, "queued");
        Assert.Equal(conversationId, queued.GetProperty("conversationId").GetString());
        var sent = await WaitForStatus(replyId, "sent");
        Assert.Equal(conversationId, sent.GetProperty("conversationId").GetString());
        Assert.False(sent.TryGetProperty("error", out _));
        Assert.True(sent.GetProperty("sequence").GetInt64() > queued.GetProperty("sequence").GetInt64(), "A client must not see 'queued' after 'sent'.");
        // The agent holds the conversation and is a member of its queue: still every message reaches the agent once.
        Assert.Single(inbox.Received, r => r.Type == "ReplyStatusChanged" && r.Payload.GetProperty("replyId").GetString() == replyId
            && r.Payload.GetProperty("status").GetString() == "queued");
        Assert.Single(inbox.Received, r => r.Type == "MentionReceived" && r.Payload.GetProperty("conversationId").GetString() == conversationId);

        var request = Assert.Single(endpoint.For(replyId));
        Assert.True(request.SignatureValid, "The reply must carry X-CareDesk-Signature over its body, keyed with the channel secret.");
        Assert.Equal(replyId, request.IdempotencyKey);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(replyId, request.Body.GetProperty("replyId").GetString());
        Assert.Equal(mentionId, request.Body.GetProperty("inReplyTo").GetString());
        Assert.Equal(conversationId, request.Body.GetProperty("conversationId").GetString());
        Assert.Equal("Sorry about that, we have refunded the second charge.", request.Body.GetProperty("text").GetString());

        var stored = await StoredReply(conversationId, replyId);
        Assert.Equal("sent", stored.GetProperty("deliveryStatus").GetString());
        Assert.Equal(1, stored.GetProperty("deliveryAttempts").GetInt32());
        Assert.StartsWith("ext-", stored.GetProperty("platformMessageId").GetString());
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_up_to_max_attempts_then_the_reply_fails_with_the_error_and_can_be_retried()
    {
        endpoint.Answer = HttpStatusCode.InternalServerError;
        var (conversationId, _) = await NewConversation();
        var replyId = await Reply(conversationId, "Looking into it.");

        var failed = await WaitForStatus(replyId, "failed");
        var error = failed.GetProperty("error").GetString();
        Assert.Contains($"after {ReplyDeskFixture.MaxAttempts} attempts", error);
        Assert.Contains("500", error);
        var attempts = endpoint.For(replyId);
        Assert.Equal(ReplyDeskFixture.MaxAttempts, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(replyId, a.IdempotencyKey));
        Assert.All(attempts, a => Assert.True(a.SignatureValid));
        // Between attempts the reply stays queued, with what went wrong.
        Assert.Contains(inbox.Received, r => r.Type == "ReplyStatusChanged" && r.Payload.GetProperty("replyId").GetString() == replyId
            && r.Payload.GetProperty("status").GetString() == "queued" && r.Payload.TryGetProperty("error", out var e) && e.GetString()!.Contains("Attempt 1 failed"));
        var stored = await StoredReply(conversationId, replyId);
        Assert.Equal("failed", stored.GetProperty("deliveryStatus").GetString());
        Assert.Equal(ReplyDeskFixture.MaxAttempts, stored.GetProperty("deliveryAttempts").GetInt32());
        Assert.Equal(error, stored.GetProperty("deliveryError").GetString());

        endpoint.Answer = HttpStatusCode.OK;
        var retried = await HttpAssert.Json(await agent.PostEmptyAsync($"/api/conversations/{conversationId}/replies/{replyId}/retry"), HttpStatusCode.Accepted);
        Assert.Equal("queued", retried.GetProperty("status").GetString());
        await WaitForStatus(replyId, "sent");
        Assert.Equal(ReplyDeskFixture.MaxAttempts + 1, endpoint.For(replyId).Count);
        var resent = await StoredReply(conversationId, replyId);
        Assert.Equal("sent", resent.GetProperty("deliveryStatus").GetString());
        Assert.Equal(1, resent.GetProperty("deliveryAttempts").GetInt32());

        await HttpAssert.Problem(await agent.PostEmptyAsync($"/api/conversations/{conversationId}/replies/{replyId}/retry"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_the_endpoint_asks_for()
    {
        endpoint.Answer = HttpStatusCode.TooManyRequests;
        endpoint.RetryAfter = TimeSpan.FromSeconds(2);
        var (conversationId, _) = await NewConversation();
        var replyId = await Reply(conversationId, "Checking.");

        await inbox.WaitFor("ReplyStatusChanged", p => p.GetProperty("replyId").GetString() == replyId
            && p.TryGetProperty("error", out var e) && e.GetString()!.StartsWith("Attempt 1 failed"));
        endpoint.Answer = HttpStatusCode.OK;
        await WaitForStatus(replyId, "sent");
        var attempts = endpoint.For(replyId);
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.OK], attempts.Select(a => a.AnsweredWith));
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(1.9), $"retried after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_400_fails_at_once_without_retrying()
    {
        endpoint.Answer = HttpStatusCode.BadRequest;
        var (conversationId, _) = await NewConversation();
        var replyId = await Reply(conversationId, "Hello?");

        var failed = await WaitForStatus(replyId, "failed");
        Assert.Contains("400", failed.GetProperty("error").GetString());
        Assert.DoesNotContain("Retrying", failed.GetProperty("error").GetString());
        Assert.Single(endpoint.For(replyId));
        var stored = await StoredReply(conversationId, replyId);
        Assert.Equal(1, stored.GetProperty("deliveryAttempts").GetInt32());
    }

    [Fact]
    public async Task A_channel_without_a_reply_url_fails_the_reply_at_once_as_receive_only()
    {
        var receiveOnly = await GenericChannel.CreateAsync(server);
        var conversationId = await receiveOnly.IngestAsync(server, GenericChannel.Mention($"m-{Guid.NewGuid():N}", "Are you open on Sundays?"));
        var replyId = await Reply(conversationId, "Yes, 10 to 4.");

        var failed = await WaitForStatus(replyId, "failed");
        Assert.Contains("receive-only", failed.GetProperty("error").GetString());
        var stored = await StoredReply(conversationId, replyId);
        Assert.Equal(1, stored.GetProperty("deliveryAttempts").GetInt32());
        Assert.Empty(endpoint.Received);
    }

    [Fact]
    public async Task A_reply_needs_text_and_a_conversation_that_is_not_resolved()
    {
        var (conversationId, _) = await NewConversation();
        var invalid = await HttpAssert.Problem(await agent.PostJson($"/api/conversations/{conversationId}/replies", new { text = "" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("text", out _));

        await HttpAssert.Json(await agent.PostJson($"/api/conversations/{conversationId}/resolve", new { outcome = "no_action" }), HttpStatusCode.OK);
        await HttpAssert.Problem(await agent.PostJson($"/api/conversations/{conversationId}/replies", new { text = "Too late" }), HttpStatusCode.Conflict);
        Assert.Empty(endpoint.Received);
    }
}
