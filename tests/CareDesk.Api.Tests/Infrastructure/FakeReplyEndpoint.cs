using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CareDesk.Api.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CareDesk.Api.Tests.Infrastructure;

/// <summary>
/// An integrator's reply endpoint on loopback, as a generic channel's <c>replyUrl</c> points at: it records every
/// request, checks its signature against the channel secret like a real receiver would, and answers as it is told.
/// </summary>
public sealed class FakeReplyEndpoint : IAsyncDisposable
{
    private FakePlatformServer server = null!;
    private int published;

    /// <summary>The channel secret; requests are checked against it once it is set.</summary>
    public string? Secret { get; set; }

    /// <summary>The status the next requests get; 200 publishes the reply.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    /// <summary>A Retry-After header to send with a failure answer.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public ConcurrentQueue<ReceivedReply> Received { get; } = new();

    public string Url => new Uri(server.BaseAddress, "/replies").ToString();

    public static async Task<FakeReplyEndpoint> StartAsync()
    {
        var endpoint = new FakeReplyEndpoint();
        endpoint.server = await FakePlatformServer.StartAsync((app, _) => app.MapPost("/replies", endpoint.Receive));
        return endpoint;
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var signature = request.Headers[WebhookSignature.Header].ToString();
        var signedRight = Secret is not null && WebhookSignature.IsValid(body, Secret, signature);
        var answer = signedRight ? Answer : HttpStatusCode.Unauthorized;
        Received.Enqueue(new ReceivedReply(
            JsonSerializer.Deserialize<JsonElement>(body), signedRight, request.Headers["Idempotency-Key"].ToString(), request.ContentType, answer, DateTime.UtcNow));

        if (answer == HttpStatusCode.OK)
        {
            var id = $"ext-{Interlocked.Increment(ref published)}";
            return Results.Json(new { id, url = $"https://example.invalid/posts/{id}" });
        }
        if (RetryAfter is { } delay)
            request.HttpContext.Response.Headers.RetryAfter = ((int)delay.TotalSeconds).ToString();
        return Results.StatusCode((int)answer);
    }

    public IReadOnlyList<ReceivedReply> For(string replyId) =>
        Received.Where(r => r.Body.GetProperty("replyId").GetString() == replyId).ToList();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

public sealed record ReceivedReply(
    JsonElement Body, bool SignatureValid, string IdempotencyKey, string? ContentType, HttpStatusCode AnsweredWith, DateTime ReceivedAt);
