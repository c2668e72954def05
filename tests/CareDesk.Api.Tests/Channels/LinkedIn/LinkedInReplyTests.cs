using System.Text.Json.Nodes;
using CareDesk.Api.Channels.LinkedIn;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Channels.LinkedIn;

public sealed class LinkedInReplyTests : IAsyncLifetime
{
    private const string CommentUrn = "urn:li:comment:(urn:li:activity:7094637247890620418,7094977717598625792)";
    private const string PostUrn = "urn:li:activity:7094637247890620418";

    private CareDeskServer server = null!;
    private FakeLinkedIn linkedIn = null!;
    private LinkedInChannel channel = null!;

    public async Task InitializeAsync()
    {
        server = await CareDeskServer.StartAsync(new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "4" });
        linkedIn = await FakeLinkedIn.StartAsync();
        channel = await LinkedInChannel.CreateAsync(server, linkedIn.Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await linkedIn.DisposeAsync();
    }

    private async Task<Guid> CommentConversationAsync()
    {
        await channel.DeliverAsync(server, Fixture.Json("LinkedIn", "organization-social-action-notification.CAPTURED-SHAPE.json"));
        return (await ConversationProbe.ConversationOfAsync(server, channel.Id, CommentUrn)).Id;
    }

    [Fact]
    public async Task A_reply_is_published_as_the_pages_comment_under_the_customers_comment()
    {
        var conversationId = await CommentConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Thanks for reaching out - we've sent you a DM.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        var request = Assert.Single(linkedIn.Requests("POST", "/rest/socialActions/"));
        Assert.Equal($"/rest/socialActions/{PostUrn}/comments", request.Path);
        Assert.Equal("Bearer " + LinkedInChannel.AccessToken, request.Headers["Authorization"]);
        Assert.Equal(LinkedInConnector.DefaultApiVersion, request.Headers["LinkedIn-Version"]);
        Assert.Equal("2.0.0", request.Headers["X-Restli-Protocol-Version"]);
        // The documented (inferred) request of comment-reply.request.GUESS.http.txt, field for field.
        var guess = Fixture.Text("LinkedIn", "comment-reply.request.GUESS.http.txt");
        var expected = JsonNode.Parse(guess[guess.IndexOf('{')..])!;
        expected["message"]!["text"] = "Thanks for reaching out - we've sent you a DM.";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Text)), request.Text);

        var published = Assert.Single(linkedIn.Comments[CommentUrn]);
        Assert.Equal(published["commentUrn"]!.GetValue<string>(), reply.GetProperty("platformMessageId").GetString());
        Assert.Equal(LinkedInConnector.Permalink(PostUrn, published["commentUrn"]!.GetValue<string>()), reply.GetProperty("permalink").GetString());
        Assert.Empty(linkedIn.Requests("GET", "/rest/socialActions/"));
    }

    [Fact]
    public async Task A_reply_to_a_share_mention_comments_on_the_mentioning_post()
    {
        var payload = Fixture.Json("LinkedIn", "organization-social-action-notification.CAPTURED-SHAPE.json");
        var notification = payload["notifications"]![0]!.AsObject();
        notification["action"] = "SHARE_MENTION";
        notification["sourcePost"] = "urn:li:share:7200000000000000001";
        notification["generatedActivity"] = "urn:li:share:7200000000000000001";
        notification["decoratedSourcePost"] = new JsonObject { ["owner"] = FakeLinkedIn.CustomerUrn, ["text"] = "Hi @CareDesk", ["entity"] = "urn:li:share:7200000000000000001" };
        notification.Remove("decoratedGeneratedActivity");
        await channel.DeliverAsync(server, payload);
        var conversationId = (await ConversationProbe.ConversationOfAsync(server, channel.Id, "urn:li:share:7200000000000000001")).Id;

        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Hello! Thanks for the mention.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        var request = Assert.Single(linkedIn.Requests("POST", "/rest/socialActions/"));
        Assert.Equal("/rest/socialActions/urn:li:share:7200000000000000001/comments", request.Path);
        var body = JsonNode.Parse(request.Text)!.AsObject();
        Assert.Equal("urn:li:share:7200000000000000001", body["object"]!.GetValue<string>());
        Assert.False(body.ContainsKey("parentComment"));
    }

    [Fact]
    public async Task A_server_error_that_published_nothing_is_retried_and_then_sent_once()
    {
        linkedIn.CommentFailures.Enqueue(new FakeLinkedIn.Failure(503));
        var conversationId = await CommentConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "We're looking into it.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        Assert.Equal(2, reply.GetProperty("deliveryAttempts").GetInt32());
        Assert.Equal(2, linkedIn.Requests("POST", "/rest/socialActions/").Count());
        Assert.Single(linkedIn.Requests("GET", $"/rest/socialActions/{CommentUrn}/comments"));
        Assert.Single(linkedIn.Comments[CommentUrn]);
    }

    [Fact]
    public async Task A_retry_after_an_unknown_outcome_finds_the_published_comment_instead_of_posting_twice()
    {
        linkedIn.CommentFailures.Enqueue(new FakeLinkedIn.Failure(504, PublishedAnyway: true));
        var conversationId = await CommentConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Your refund is on its way.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("sent", reply.GetProperty("deliveryStatus").GetString());
        Assert.Single(linkedIn.Requests("POST", "/rest/socialActions/"));
        var published = Assert.Single(linkedIn.Comments[CommentUrn]);
        Assert.Equal(published["commentUrn"]!.GetValue<string>(), reply.GetProperty("platformMessageId").GetString());
    }

    [Theory]
    [InlineData(401, "access token")]
    [InlineData(403, "does not allow")]
    [InlineData(404, "no longer exists")]
    [InlineData(422, "refused")]
    public async Task A_permanent_error_fails_at_once_with_a_readable_reason(int status, string reason)
    {
        linkedIn.CommentFailures.Enqueue(new FakeLinkedIn.Failure(status));
        var conversationId = await CommentConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, "Hello.");
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("failed", reply.GetProperty("deliveryStatus").GetString());
        Assert.Contains(reason, reply.GetProperty("deliveryError").GetString());
        Assert.Contains($"Fake failure {status}.", reply.GetProperty("deliveryError").GetString());
        Assert.Single(linkedIn.Requests("POST", "/rest/socialActions/"));
    }

    [Fact]
    public async Task A_comment_over_the_length_limit_fails_without_calling_LinkedIn()
    {
        var conversationId = await CommentConversationAsync();
        var replyId = await ConversationProbe.ReplyAsync(server, conversationId, new string('a', LinkedInReplySender.MaxCommentLength + 1));
        var reply = await ConversationProbe.DeliveredAsync(server, conversationId, replyId);

        Assert.Equal("failed", reply.GetProperty("deliveryStatus").GetString());
        Assert.Contains("limited to 1250", reply.GetProperty("deliveryError").GetString());
        Assert.Empty(linkedIn.Requests("POST", "/rest/socialActions/"));
    }
}
