using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareDesk.Api.Tests.Channels.Mastodon;

/// <summary>
/// A Mastodon instance on loopback: our account, mention notifications with min_id paging, the user stream over SSE,
/// statuses to read, and status posting that honours Idempotency-Key like Mastodon does.
/// </summary>
public sealed class FakeMastodon : IAsyncDisposable
{
    public const string OurAccountId = "900";
    public const string Token = "test-access-token";

    private readonly List<JsonObject> notifications = [];
    private readonly ConcurrentDictionary<string, JsonObject> statuses = new();
    private readonly ConcurrentDictionary<string, JsonObject> postedByKey = new();
    private readonly List<Channel<string>> streams = [];
    private long nextNotificationId = 1000;
    private long nextStatusId = 5000;

    private FakeMastodon() { }

    public FakePlatformServer Server { get; private set; } = null!;

    public Uri BaseAddress => Server.BaseAddress;

    public bool StreamEnabled { get; set; } = true;

    /// <summary>While set, the notifications API answers 503, as an instance in maintenance does.</summary>
    public bool NotificationsDown { get; set; }

    /// <summary>Status codes the next POST /api/v1/statuses calls answer with (after storing the status, like a lost response).</summary>
    public ConcurrentQueue<int> PostFailures { get; } = new();

    /// <summary>Status codes the next POSTs answer with before storing anything (a refused request).</summary>
    public ConcurrentQueue<(int Status, string Body, string? RateLimitReset)> PostRefusals { get; } = new();

    public int PostedCount => postedByKey.Count;

    public int StreamCount { get { lock (streams) return streams.Count; } }

    public static async Task<FakeMastodon> StartAsync()
    {
        var fake = new FakeMastodon();
        fake.Server = await FakePlatformServer.StartAsync((app, _) => fake.Map(app));
        return fake;
    }

    public static JsonObject Status(string id, string accountId, string acct, string html, string? inReplyTo = null, string visibility = "public") => new()
    {
        ["id"] = id,
        ["created_at"] = "2026-11-22T10:00:00.000Z",
        ["edited_at"] = null,
        ["in_reply_to_id"] = inReplyTo,
        ["spoiler_text"] = "",
        ["visibility"] = visibility,
        ["language"] = "en",
        ["uri"] = $"https://social.example/users/{acct}/statuses/{id}",
        ["url"] = $"https://social.example/@{acct}/{id}",
        ["content"] = html,
        ["account"] = new JsonObject
        {
            ["id"] = accountId, ["username"] = acct.Split('@')[0], ["acct"] = acct, ["display_name"] = $"Name of {acct}", ["followers_count"] = 42,
        },
    };

    /// <summary>A mention notification of <paramref name="status"/>, which also becomes readable by id.</summary>
    public string AddMention(JsonObject status)
    {
        lock (notifications)
        {
            var id = (++nextNotificationId).ToString();
            statuses[status["id"]!.GetValue<string>()] = status;
            notifications.Add(new JsonObject { ["id"] = id, ["type"] = "mention", ["created_at"] = "2026-11-22T10:00:01.000Z", ["account"] = status["account"]!.DeepClone(), ["status"] = status.DeepClone() });
            return id;
        }
    }

    public void DeleteStatus(string id) => statuses.TryRemove(id, out _);

    /// <summary>The notification as the user stream sends it.</summary>
    public string NotificationEvent(string notificationId)
    {
        lock (notifications)
            return $"event: notification\ndata: {notifications.Single(n => n["id"]!.GetValue<string>() == notificationId).ToJsonString()}\n";
    }

    /// <summary>Sends raw SSE text (fixture lines) to every connected stream.</summary>
    public void Push(string sse)
    {
        lock (streams)
            foreach (var stream in streams)
                stream.Writer.TryWrite(sse.EndsWith("\n\n") ? sse : sse.TrimEnd('\n') + "\n\n");
    }

    /// <summary>Ends every stream, as a restarting streaming server does.</summary>
    public void CloseStreams()
    {
        lock (streams)
        {
            foreach (var stream in streams)
                stream.Writer.TryComplete();
            streams.Clear();
        }
    }

    public IEnumerable<FakePlatformServer.Recorded> Requests(string method, string path) =>
        Server.Requests.Where(r => r.Method == method && r.Path == path);

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/verify_credentials", () => Results.Json(new JsonObject { ["id"] = OurAccountId, ["username"] = "caredesk", ["acct"] = "caredesk" }));
        app.MapGet("/api/v2/instance", (HttpContext context) =>
            Results.Json(new JsonObject { ["configuration"] = new JsonObject { ["urls"] = new JsonObject { ["streaming"] = $"ws://{context.Request.Host}" } } }));
        app.MapGet("/api/v1/notifications", (HttpContext context) => NotificationsDown
            ? Results.Json(new { error = "Service unavailable" }, statusCode: 503)
            : Results.Content(ListNotifications(context.Request.Query), "application/json"));
        app.MapGet("/api/v1/statuses/{id}", (string id) =>
            statuses.TryGetValue(id, out var status) ? Results.Json(status) : Results.Json(new { error = "Record not found" }, statusCode: 404));
        app.MapPost("/api/v1/statuses", (HttpRequest request) => PostStatus(request.HttpContext));
        app.MapGet("/api/v1/streaming/user", Stream);
    }

    private string ListNotifications(IQueryCollection query)
    {
        var limit = int.Parse(query["limit"].FirstOrDefault() ?? "40");
        var minId = query["min_id"].FirstOrDefault();
        lock (notifications)
        {
            var page = minId is null
                ? notifications.AsEnumerable().Reverse().Take(limit)
                : notifications.Where(n => long.Parse(n["id"]!.GetValue<string>()) > long.Parse(minId)).Take(limit).Reverse();
            return new JsonArray(page.Select(n => (JsonNode)n.DeepClone()).ToArray()).ToJsonString();
        }
    }

    private async Task<IResult> PostStatus(HttpContext context)
    {
        if (PostRefusals.TryDequeue(out var refusal))
        {
            if (refusal.RateLimitReset is not null)
                context.Response.Headers["X-RateLimit-Reset"] = refusal.RateLimitReset;
            return Results.Content(refusal.Body, "application/json", Encoding.UTF8, refusal.Status);
        }
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var created = postedByKey.GetOrAdd(key, _ =>
        {
            var id = Interlocked.Increment(ref nextStatusId).ToString();
            var status = Status(id, OurAccountId, "caredesk", $"<p>{body["status"]}</p>", body["in_reply_to_id"]?.GetValue<string>(), body["visibility"]?.GetValue<string>() ?? "public");
            statuses[id] = status;
            return status;
        });
        if (PostFailures.TryDequeue(out var failure))
            return Results.StatusCode(failure);
        return Results.Json(created);
    }

    private async Task Stream(HttpContext context)
    {
        if (!StreamEnabled)
        {
            context.Response.StatusCode = 404;
            return;
        }
        var events = System.Threading.Channels.Channel.CreateUnbounded<string>();
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(":)\n\n");
        await context.Response.Body.FlushAsync();
        lock (streams)
            streams.Add(events);
        try
        {
            await foreach (var item in events.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(item);
                await context.Response.Body.FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The connector hung up.
        }
        finally
        {
            lock (streams)
                streams.Remove(events);
        }
    }

    public async ValueTask DisposeAsync()
    {
        CloseStreams();
        await Server.DisposeAsync();
    }
}
