using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace CareDesk.Api.Channels.Mastodon;

/// <summary>
/// The user stream over server-sent events (GET /api/v1/streaming/user): notifications, status edits and deletions.
/// Its own HttpClient without request timeouts, because the response never ends while the stream is up.
/// </summary>
public sealed class MastodonStream(HttpClient http)
{
    public sealed record StreamEvent(string Event, string Data);

    /// <summary>Yields events until the server closes the stream; heartbeat comments (":thump") are skipped by the parser.</summary>
    /// <param name="onConnected">Called once the server has accepted the stream, before the first event.</param>
    public async IAsyncEnumerable<StreamEvent> ReadAsync(
        ChannelConfig channel, Uri streamingBase, Func<Task> onConnected, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = MastodonClient.Request(channel, HttpMethod.Get, "api/v1/streaming/user", streamingBase);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Mastodon refused the stream: {await MastodonClient.ErrorText(response, ct)}", null, response.StatusCode);
        await onConnected();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(ct))
            yield return new StreamEvent(item.EventType, item.Data);
    }
}
