using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels.Meta;
using CareDesk.Api.Features.Delivery;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Api.Tests.Channels.Meta;

public sealed class MetaReplySenderTests : IAsyncLifetime
{
    private const string CommentId = "150691160110528_150691260110518";

    private CareDeskServer server = null!;
    private FakePlatformServer graph = null!;
    private MetaChannel channel = null!;

    /// <summary>Errors the fake answers a comment POST with, in turn, before it succeeds; keyed by the comment answered.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, object Error, bool PublishedAnyway)>> failures = new();

    /// <summary>Comments the fake Page has published, as the comments edge lists them.</summary>
    private readonly ConcurrentQueue<object> published = new();

    private int nextId;

    public async Task InitializeAsync()
    {
        graph = await FakePlatformServer.StartAsync((app, _) =>
        {
            app.MapPost("/{target}/comments", async (string target, HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                var id = $"{target.Split('_')[0]}_9000{Interlocked.Increment(ref nextId)}";
                if (failures.TryGetValue(target, out var queue) && queue.TryDequeue(out var failure))
                {
                    if (failure.PublishedAnyway)
                        published.Enqueue(new { id, message = form["message"].ToString(), from = new { id = MetaChannel.PageId, name = "Example Page" } });
                    return Results.Json(failure.Error, statusCode: failure.Status);
                }
                published.Enqueue(new { id, message = form["message"].ToString(), from = new { id = MetaChannel.PageId, name = "Example Page" } });
                return Results.Json(new { id });
            });
            app.MapGet("/{target}/comments", (string target) => Results.Json(new { data = published.ToArray() }));
            app.MapPost("/{target}/replies", (string target) => Results.Json(new { id = "17911496353086895" }));
            app.MapPost("/me/messages", () => Results.Text(MetaChannel.FixtureText("send/messenger-send-api.response.json"), "application/json"));
            app.MapGet("/{id}", (string id, HttpRequest request) => request.Query["fields"] == "permalink_url"
                ? Results.Json(new { permalink_url = $"https://www.facebook.com/{id}", id })
                : Results.Json(new { error = new { message = "Unsupported get request.", code = 100, error_subcode = 33 } }, statusCode: 400));
        });
        server = await CareDeskServer.StartAsync();
        channel = await MetaChannel.CreateAsync(server, graph.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await graph.DisposeAsync();
    }

    private static JsonObject CommentFixture(string commentId)
    {
        var body = MetaChannel.Fixture("facebook-page/feed-comment-add.CAPTURED-SHAPE.json");
        body["entry"]![0]!["changes"]![0]!["value"]!["comment_id"] = commentId;
        return body;
    }

    private async Task<Guid> ConversationOfAsync(JsonObject webhook, string platformId)
    {
        await channel.DeliverAsync(server, webhook);
        return await server.WithDbAsync(db => db.Messages.Where(m => m.PlatformMessageId == platformId).Select(m => m.ConversationId).SingleAsync());
    }

    private async Task<Message> ReplyAndWaitAsync(Guid conversationId, string text)
    {
        using var agent = await server.ClientForAsync(DemoAccounts.Supervisor);
        var response = await agent.PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text });
        response.EnsureSuccessStatusCode();
        var replyId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString()!);
        return await WaitForOutcomeAsync(replyId);
    }

    private Task<Message> WaitForOutcomeAsync(Guid replyId) => Eventually.Get(
        () => server.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == replyId)),
        m => m.DeliveryStatus != DeliveryStatus.Queued);

    private List<FakePlatformServer.Recorded> Posts(string path) => graph.Requests.Where(r => r.Method == "POST" && r.Path == path).ToList();

    [Fact]
    public async Task A_comment_reply_is_posted_on_the_customers_comment_with_the_page_token_and_proof()
    {
        var conversationId = await ConversationOfAsync(CommentFixture(CommentId), CommentId);

        var reply = await ReplyAndWaitAsync(conversationId, "Yes, it comes in blue 💙");

        Assert.Equal(DeliveryStatus.Sent, reply.DeliveryStatus);
        Assert.Equal("150691160110528_90001", reply.PlatformMessageId);
        Assert.Equal("https://www.facebook.com/150691160110528_90001", reply.Permalink);
        var post = Assert.Single(Posts($"/{CommentId}/comments"));
        Assert.Equal("message=Yes%2C+it+comes+in+blue+%F0%9F%92%99", post.Text);
        Assert.Contains("access_token=page-token-123", post.Query);
        Assert.Contains($"appsecret_proof={MetaGraphClient.AppSecretProof(MetaChannel.PageAccessToken, MetaChannel.AppSecret)}", post.Query);
        Assert.DoesNotContain(graph.Requests, r => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Messenger_reply_goes_through_the_Send_API_as_a_response()
    {
        var webhook = MetaChannel.At(MetaChannel.Fixture("messenger/messages-text.doc.json"), TimeSpan.FromMinutes(5));
        var conversationId = await ConversationOfAsync(webhook, "mid.1457764197618:41d102a3e1ae206a38");

        var reply = await ReplyAndWaitAsync(conversationId, "hello, world");

        Assert.Equal(DeliveryStatus.Sent, reply.DeliveryStatus);
        Assert.Equal("AG5Hz2U...", reply.PlatformMessageId);
        var expected = JsonNode.Parse(MetaChannel.FixtureText("send/messenger-send-api.request.json").Replace("<PSID>", MetaChannel.Psid));
        var sent = JsonNode.Parse(Assert.Single(Posts("/me/messages")).Text);
        Assert.True(JsonNode.DeepEquals(expected, sent), sent!.ToJsonString());
    }

    [Fact]
    public async Task An_Instagram_comment_reply_goes_to_the_comments_replies_edge()
    {
        var conversationId = await ConversationOfAsync(MetaChannel.Fixture("instagram/comments.CAPTURED-SHAPE.json"), "17919697626119712");

        var reply = await ReplyAndWaitAsync(conversationId, "We do! 🇨🇦");

        Assert.Equal(DeliveryStatus.Sent, reply.DeliveryStatus);
        Assert.Equal("17911496353086895", reply.PlatformMessageId);
        Assert.Null(reply.Permalink);
        Assert.Equal("message=We+do%21+%F0%9F%87%A8%F0%9F%87%A6", Assert.Single(Posts("/17919697626119712/replies")).Text);
    }

    [Fact]
    public async Task A_transient_Graph_error_is_retried_by_the_outbox_once_per_attempt_after_a_look_up()
    {
        const string comment = "150691160110528_1001";
        failures[comment] = new([(503, new { error = new { message = "An unexpected error has occurred.", code = 2 } }, false)]);
        var conversationId = await ConversationOfAsync(CommentFixture(comment), comment);

        var reply = await ReplyAndWaitAsync(conversationId, "Checking for you now.");

        Assert.Equal(DeliveryStatus.Sent, reply.DeliveryStatus);
        Assert.Equal(2, reply.DeliveryAttempts);
        Assert.Equal(2, Posts($"/{comment}/comments").Count);
        var calls = graph.Requests.Where(r => r.Path == $"/{comment}/comments").Select(r => r.Method).ToList();
        Assert.Equal(["POST", "GET", "POST"], calls);
    }

    [Fact]
    public async Task A_reply_that_went_out_before_an_error_is_found_and_not_posted_twice()
    {
        const string comment = "150691160110528_1002";
        failures[comment] = new([(500, new { error = new { message = "Please retry your request later.", code = 1 } }, true)]);
        var conversationId = await ConversationOfAsync(CommentFixture(comment), comment);

        var reply = await ReplyAndWaitAsync(conversationId, "Sent exactly once.");

        Assert.Equal(DeliveryStatus.Sent, reply.DeliveryStatus);
        Assert.Single(Posts($"/{comment}/comments"));
        Assert.Equal("150691160110528_90001", reply.PlatformMessageId);
    }

    [Fact]
    public async Task A_delivery_abandoned_mid_send_looks_for_its_reply_before_posting()
    {
        const string comment = "150691160110528_1003";
        var conversationId = await ConversationOfAsync(CommentFixture(comment), comment);
        published.Enqueue(new { id = "150691160110528_777", message = "Already out there.", from = new { id = MetaChannel.PageId } });
        var replyId = Guid.NewGuid();
        var past = DateTime.UtcNow.AddMinutes(-5);
        await server.WithDbAsync(async db =>
        {
            // What a worker that died between posting and recording leaves: queued, its attempt counted, its lease run out.
            db.Messages.Add(new Message
            {
                Id = replyId, ConversationId = conversationId, ChannelId = Guid.Parse(channel.Id), Kind = MessageKind.Reply,
                Text = "Already out there.", CreatedAt = past, DeliveryStatus = DeliveryStatus.Queued, NextAttemptAt = past, DeliveryLeaseUntil = past.AddMinutes(2),
                DeliveryAttempts = 1,
            });
            return await db.SaveChangesAsync();
        });

        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DeliverReply.Command(replyId));

        var reply = await WaitForOutcomeAsync(replyId);
        Assert.Equal(DeliveryStatus.Sent, reply.DeliveryStatus);
        Assert.Equal("150691160110528_777", reply.PlatformMessageId);
        Assert.Empty(Posts($"/{comment}/comments"));
    }

    [Theory]
    [InlineData(401, 190, null, "The Page access token is invalid or expired (Graph error 190)")]
    [InlineData(403, 200, null, "The Page access token lacks a permission")]
    [InlineData(400, 100, 33, "The post was deleted")]
    public async Task A_permanent_Graph_error_fails_the_reply_at_once_with_a_readable_reason(int status, int code, int? subcode, string reason)
    {
        var comment = $"150691160110528_2{code}";
        failures[comment] = new([(status, new { error = new { message = "Meta's own words.", type = "OAuthException", code, error_subcode = subcode } }, false)]);
        var conversationId = await ConversationOfAsync(CommentFixture(comment), comment);

        var reply = await ReplyAndWaitAsync(conversationId, "This will not go out.");

        Assert.Equal(DeliveryStatus.Failed, reply.DeliveryStatus);
        Assert.Equal(1, reply.DeliveryAttempts);
        Assert.StartsWith(reason, reply.DeliveryError);
        Assert.Contains("Meta said: Meta's own words.", reply.DeliveryError);
    }

    [Fact]
    public async Task A_direct_reply_after_the_24_hour_window_fails_at_once_without_calling_Meta()
    {
        var webhook = MetaChannel.At(MetaChannel.Fixture("messenger/messages-text.doc.json"), TimeSpan.FromHours(25));
        var conversationId = await ConversationOfAsync(webhook, "mid.1457764197618:41d102a3e1ae206a38");

        var reply = await ReplyAndWaitAsync(conversationId, "Sorry for the wait!");

        Assert.Equal(DeliveryStatus.Failed, reply.DeliveryStatus);
        Assert.Equal(1, reply.DeliveryAttempts);
        Assert.Matches(@"^The platform's 24-hour reply window closed at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$", reply.DeliveryError);
        Assert.Empty(Posts("/me/messages"));
    }
}
