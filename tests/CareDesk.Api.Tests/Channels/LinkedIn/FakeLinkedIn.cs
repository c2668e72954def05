using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CareDesk.Api.Tests.Channels.LinkedIn;

/// <summary>
/// The part of LinkedIn's REST API the connector uses: member lookups (People, networkSizes) and the Comments API
/// (create, list). Failures can be queued for lookups and for publishing, publishing ones optionally "after publishing".
/// </summary>
public sealed class FakeLinkedIn : IAsyncDisposable
{
    public sealed record Failure(int Status, bool PublishedAnyway = false);

    public const string CustomerUrn = "urn:li:person:zLqTygBP8S";

    private long nextId = 7100000000000000001;

    private FakeLinkedIn(FakePlatformServer server) => Server = server;

    public FakePlatformServer Server { get; }

    public ConcurrentQueue<Failure> CommentFailures { get; } = new();

    public ConcurrentQueue<int> LookupFailures { get; } = new();

    /// <summary>Comments published, by the URN they were listed under (the post, or the comment they answer).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> Comments { get; } = new();

    public IEnumerable<FakePlatformServer.Recorded> Requests(string method, string pathStart) =>
        Server.Requests.Where(r => r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal));

    public static async Task<FakeLinkedIn> StartAsync()
    {
        FakeLinkedIn? fake = null;
        var server = await FakePlatformServer.StartAsync((app, _) =>
        {
            app.MapGet("/rest/people/{key}", (string key) =>
                fake!.LookupFailures.TryDequeue(out var status) ? Results.Json(new JsonObject { ["message"] = "Lookup failed", ["status"] = status }, statusCode: status)
                : key == "(id:zLqTygBP8S)" ? Results.Json(new JsonObject { ["id"] = "zLqTygBP8S", ["localizedFirstName"] = "Jane", ["localizedLastName"] = "Customer", ["vanityName"] = "janecustomer" })
                : Results.NotFound());
            app.MapGet("/rest/networkSizes/{urn}", (string urn) =>
                urn == CustomerUrn ? Results.Json(new JsonObject { ["firstDegreeSize"] = 321 }) : Results.NotFound());
            app.MapPost("/rest/socialActions/{urn}/comments", (string urn, JsonObject body) => fake!.Publish(urn, body));
            app.MapGet("/rest/socialActions/{urn}/comments", (string urn) =>
                Results.Json(new JsonObject { ["elements"] = new JsonArray(fake!.Comments.GetValueOrDefault(urn, new()).Select(c => (JsonNode)c.DeepClone()).ToArray()) }));
        });
        fake = new FakeLinkedIn(server);
        return fake;
    }

    private IResult Publish(string post, JsonObject body)
    {
        var failure = CommentFailures.TryDequeue(out var queued) ? queued : null;
        if (failure is null || failure.PublishedAnyway)
        {
            var id = Interlocked.Increment(ref nextId).ToString();
            var comment = new JsonObject
            {
                ["id"] = id,
                ["commentUrn"] = $"urn:li:comment:({post},{id})",
                ["actor"] = body["actor"]!.GetValue<string>(),
                ["object"] = post,
                ["message"] = body["message"]!.DeepClone(),
                ["created"] = new JsonObject { ["actor"] = body["actor"]!.GetValue<string>(), ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
            };
            var listedUnder = body["parentComment"]?.GetValue<string>() ?? post;
            Comments.GetOrAdd(listedUnder, _ => new()).Enqueue(comment);
            if (failure is null)
                return Results.Json(comment, statusCode: 201);
        }
        return Results.Json(new JsonObject { ["message"] = $"Fake failure {failure!.Status}.", ["status"] = failure.Status }, statusCode: failure.Status);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
