using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareDesk.Api.Tests.Channels.Bluesky;

/// <summary>
/// A PDS/AppView on loopback: app-password sessions with expiring access tokens, listNotifications paging backwards
/// from the newest, profiles, posts, and a repository whose createRecord refuses a record key that already exists.
/// </summary>
public sealed class FakeBluesky : IAsyncDisposable
{
    public const string Handle = "support.caredesk.test";
    public const string AppPassword = "abcd-efgh-ijkl-mnop";
    public const string OurDid = "did:plc:caredesksupport0000000";

    private readonly List<JsonObject> notifications = []; // oldest first
    private readonly ConcurrentDictionary<string, JsonObject> posts = new();
    private readonly ConcurrentDictionary<string, JsonObject> repo = new();
    private int tokenGeneration;

    private FakeBluesky() { }

    public FakePlatformServer Server { get; private set; } = null!;

    public Uri BaseAddress => Server.BaseAddress;

    public string AccessToken => $"access-{tokenGeneration}";

    public string RefreshToken => $"refresh-{tokenGeneration}";

    /// <summary>createRecord answers these (after storing the record, like a lost response) before answering normally.</summary>
    public ConcurrentQueue<int> CreateFailures { get; } = new();

    /// <summary>createRecord answers these without storing anything.</summary>
    public ConcurrentQueue<(int Status, string Error, string? RateLimitReset)> CreateRefusals { get; } = new();

    public int RecordCount => repo.Count;

    public static async Task<FakeBluesky> StartAsync()
    {
        var fake = new FakeBluesky();
        fake.Server = await FakePlatformServer.StartAsync((app, _) => fake.Map(app));
        return fake;
    }

    /// <summary>Makes the current access token expired: the next call gets ExpiredToken and must refresh.</summary>
    public void ExpireAccessToken() => Interlocked.Increment(ref tokenGeneration);

    public void Add(JsonObject notification)
    {
        lock (notifications)
            notifications.Add(notification);
        var record = notification["record"]!.AsObject();
        if (record["$type"]?.GetValue<string>() == "app.bsky.feed.post")
            posts[notification["uri"]!.GetValue<string>()] = Post(notification["uri"]!.GetValue<string>(), notification["cid"]!.GetValue<string>(), notification["author"]!.AsObject(), record);
    }

    public void DeletePost(string uri) => posts.TryRemove(uri, out _);

    /// <summary>An update of the record at protocol level (the Bluesky app itself has no edit).</summary>
    public void ChangePostText(string uri, string text) => posts[uri]["record"]!["text"] = text;

    public static JsonObject Notification(string rkey, string authorDid, string handle, string reason, JsonObject record, DateTime indexedAt) => new()
    {
        ["uri"] = $"at://{authorDid}/{(reason == "like" ? "app.bsky.feed.like" : "app.bsky.feed.post")}/{rkey}",
        ["cid"] = "bafycid" + rkey,
        ["author"] = new JsonObject { ["did"] = authorDid, ["handle"] = handle, ["displayName"] = "Name of " + handle },
        ["reason"] = reason,
        ["record"] = record.DeepClone(),
        ["isRead"] = false,
        ["indexedAt"] = indexedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
    };

    public static JsonObject PostRecord(string text, JsonObject? reply = null) => new()
    {
        ["$type"] = "app.bsky.feed.post", ["text"] = text, ["createdAt"] = "2026-11-22T10:00:00.000Z", ["reply"] = reply, ["langs"] = new JsonArray("en"),
    };

    public IEnumerable<FakePlatformServer.Recorded> Requests(string method) => Server.Requests.Where(r => r.Path == "/xrpc/" + method);

    private static JsonObject Post(string uri, string cid, JsonObject author, JsonObject record) =>
        new() { ["uri"] = uri, ["cid"] = cid, ["author"] = author.DeepClone(), ["record"] = record.DeepClone(), ["indexedAt"] = "2026-11-22T10:00:00.000Z" };

    private static IResult Error(int status, string error, string message) => Results.Json(new { error, message }, statusCode: status);

    private bool Authorized(HttpRequest request, out IResult? refusal)
    {
        var bearer = request.Headers.Authorization.ToString();
        refusal = bearer == $"Bearer {AccessToken}" ? null
            : bearer.StartsWith("Bearer access-") ? Error(400, "ExpiredToken", "Token has expired")
            : Error(401, "AuthenticationRequired", "Invalid identifier or password");
        return refusal is null;
    }

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/xrpc/com.atproto.server.createSession", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            return body["identifier"]!.GetValue<string>() == Handle && body["password"]!.GetValue<string>() == AppPassword
                ? Results.Json(Session())
                : Error(401, "AuthenticationRequired", "Invalid identifier or password");
        });
        app.MapPost("/xrpc/com.atproto.server.refreshSession", (HttpRequest request) =>
            request.Headers.Authorization.ToString().StartsWith("Bearer refresh-") ? Results.Json(Session()) : Error(400, "ExpiredToken", "Refresh token has expired"));
        app.MapGet("/xrpc/app.bsky.notification.listNotifications", (HttpRequest request) =>
            Authorized(request, out var refusal) ? ListNotifications(request.Query) : refusal!);
        app.MapGet("/xrpc/app.bsky.actor.getProfiles", (HttpRequest request) => Authorized(request, out var refusal)
            ? Results.Json(new { profiles = request.Query["actors"].Select(did => new { did, handle = did + ".handle", followersCount = 321 }) })
            : refusal!);
        app.MapGet("/xrpc/app.bsky.feed.getPosts", (HttpRequest request) => Authorized(request, out var refusal)
            ? Results.Json(new JsonObject { ["posts"] = new JsonArray(request.Query["uris"].Where(u => posts.ContainsKey(u!)).Select(u => (JsonNode)posts[u!].DeepClone()).ToArray()) })
            : refusal!);
        app.MapPost("/xrpc/com.atproto.repo.createRecord", (HttpRequest request) => CreateRecord(request));
        app.MapGet("/xrpc/com.atproto.repo.getRecord", (HttpRequest request) =>
        {
            if (!Authorized(request, out var refusal))
                return refusal!;
            var uri = $"at://{request.Query["repo"]}/{request.Query["collection"]}/{request.Query["rkey"]}";
            return repo.TryGetValue(uri, out var record)
                ? Results.Json(new JsonObject { ["uri"] = uri, ["cid"] = "bafyours" + request.Query["rkey"], ["value"] = record.DeepClone() })
                : Error(400, "RecordNotFound", $"Could not locate record: {uri}");
        });
    }

    private JsonObject Session() => new() { ["accessJwt"] = AccessToken, ["refreshJwt"] = RefreshToken, ["did"] = OurDid, ["handle"] = Handle, ["active"] = true };

    /// <summary>Newest first; the cursor is the position in that order.</summary>
    private IResult ListNotifications(IQueryCollection query)
    {
        var limit = int.Parse(query["limit"].FirstOrDefault() ?? "50");
        var skip = int.Parse(query["cursor"].FirstOrDefault() ?? "0");
        lock (notifications)
        {
            var newestFirst = notifications.AsEnumerable().Reverse().ToList();
            var page = newestFirst.Skip(skip).Take(limit).Select(n => (JsonNode)n.DeepClone()).ToArray();
            var next = skip + page.Length < newestFirst.Count ? (skip + page.Length).ToString() : null;
            return Results.Json(new JsonObject { ["cursor"] = next, ["notifications"] = new JsonArray(page) });
        }
    }

    private async Task<IResult> CreateRecord(HttpRequest request)
    {
        if (!Authorized(request, out var refusal))
            return refusal!;
        if (CreateRefusals.TryDequeue(out var refused))
        {
            if (refused.RateLimitReset is not null)
                request.HttpContext.Response.Headers["ratelimit-reset"] = refused.RateLimitReset;
            return Error(refused.Status, refused.Error, "Refused by the test");
        }
        var body = (await JsonNode.ParseAsync(request.Body))!;
        var uri = $"at://{body["repo"]}/{body["collection"]}/{body["rkey"]}";
        if (!repo.TryAdd(uri, body["record"]!.AsObject().DeepClone().AsObject()))
            return Error(400, "InvalidRequest", $"Record already exists: {uri}");
        if (CreateFailures.TryDequeue(out var failure))
            return Results.StatusCode(failure);
        return Results.Json(new { uri, cid = "bafyours" + body["rkey"] });
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
