using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CareDesk.Api.Tests.Channels.X;

/// <summary>
/// The part of the X API v2 the reply sender uses: create a post, send a DM, and the lookups of our account's recent
/// posts and of a DM conversation's events, answering in the documented response shapes. Failures can be queued,
/// optionally "after publishing" (an unknown outcome).
/// </summary>
public sealed class FakeX : IAsyncDisposable
{
    public sealed record Failure(int Status, bool PublishedAnyway = false, IReadOnlyDictionary<string, string>? Headers = null);

    private long nextId = 1800000000000000001;

    private FakeX(FakePlatformServer server) => Server = server;

    public FakePlatformServer Server { get; }

    /// <summary>Answers for the next publishing calls (posts and DMs), in order; when empty, publishing succeeds.</summary>
    public ConcurrentQueue<Failure> Failures { get; } = new();

    public ConcurrentQueue<JsonObject> Posts { get; } = new();

    public ConcurrentQueue<JsonObject> DirectMessages { get; } = new();

    public IEnumerable<FakePlatformServer.Recorded> Requests(string method, string pathStart) =>
        Server.Requests.Where(r => r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal));

    public static async Task<FakeX> StartAsync()
    {
        FakeX? fake = null;
        var server = await FakePlatformServer.StartAsync((app, _) =>
        {
            app.MapPost("/2/tweets", (HttpContext context, JsonObject body) => fake!.Publish(context, () =>
            {
                var post = new JsonObject
                {
                    ["id"] = fake.NewId(),
                    ["text"] = body["text"]!.GetValue<string>(),
                    ["created_at"] = DateTime.UtcNow.ToString("O"),
                    ["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = body["reply"]!["in_reply_to_tweet_id"]!.GetValue<string>() }),
                };
                fake.Posts.Enqueue(post);
                var answer = Fixture.Json("X", "v2-post-tweets-response.json");
                answer["data"]!["id"] = post["id"]!.GetValue<string>();
                answer["data"]!["text"] = post["text"]!.GetValue<string>();
                return (201, answer);
            }));
            app.MapGet("/2/users/{id}/tweets", (string id) =>
                Results.Json(new JsonObject { ["data"] = new JsonArray(fake!.Posts.Select(p => (JsonNode)p.DeepClone()).ToArray()) }));
            app.MapPost("/2/dm_conversations/with/{participant}/messages", (HttpContext context, string participant, JsonObject body) => fake!.Publish(context, () =>
            {
                var conversationId = $"{participant}-{XChannel.AccountId}";
                var message = new JsonObject
                {
                    ["id"] = fake.NewId(),
                    ["event_type"] = "MessageCreate",
                    ["text"] = body["text"]!.GetValue<string>(),
                    ["sender_id"] = XChannel.AccountId,
                    ["created_at"] = DateTime.UtcNow.ToString("O"),
                    ["dm_conversation_id"] = conversationId,
                };
                fake.DirectMessages.Enqueue(message);
                var answer = Fixture.Json("X", "v2-dm-send-response.json");
                answer["data"]!["dm_conversation_id"] = conversationId;
                answer["data"]!["dm_event_id"] = message["id"]!.GetValue<string>();
                return (201, answer);
            }));
            app.MapGet("/2/dm_conversations/with/{participant}/dm_events", (string participant) =>
                Results.Json(new JsonObject { ["data"] = new JsonArray(fake!.DirectMessages.Select(m => (JsonNode)m.DeepClone()).ToArray()) }));
        });
        fake = new FakeX(server);
        return fake;
    }

    private string NewId() => Interlocked.Increment(ref nextId).ToString();

    private IResult Publish(HttpContext context, Func<(int Status, JsonObject Body)> publish)
    {
        if (Failures.TryDequeue(out var failure))
        {
            if (failure.PublishedAnyway)
                publish();
            foreach (var (name, value) in failure.Headers ?? new Dictionary<string, string>())
                context.Response.Headers[name] = value;
            return Results.Json(new JsonObject { ["title"] = "Failure", ["detail"] = $"Fake failure {failure.Status}." }, statusCode: failure.Status);
        }
        var (status, body) = publish();
        return Results.Json(body, statusCode: status);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
