using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CareDesk.Api.Infrastructure;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.Generic;

/// <summary>POSTs replies, signed like the webhook, to the channel's <c>replyUrl</c>; a 2xx answer means sent.</summary>
public sealed class GenericReplySender(HttpClient http) : IReplySender
{
    public string ChannelType => GenericConnector.ChannelType;

    public TimeSpan? ReplyWindow(MentionKind kind) => null;

    private sealed record ReplyPayload(Guid ReplyId, string? InReplyTo, Guid ConversationId, string Text);

    private sealed record ReplyAnswer(string? Id, string? Url);

    public async Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        var replyUrl = reply.Channel.Setting(GenericConnector.ReplyUrl);
        if (replyUrl is null)
            return new ReplyResult.Failed("This channel is receive-only: it has no replyUrl to publish replies to.", Transient: false);

        var body = JsonSerializer.SerializeToUtf8Bytes(new ReplyPayload(reply.ReplyId, reply.InReplyTo, reply.ConversationId, reply.Text), JsonDefaults.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, replyUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, reply.Channel.GeneratedSecret));
        request.Headers.Add("Idempotency-Key", reply.ReplyId.ToString());

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (ConnectorHttp.IsUnreachable(exception, cancellationToken))
        {
            return new ReplyResult.Failed($"Could not reach {replyUrl}: {exception.Message}", Transient: true);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var answer = await ReadAnswer(response, cancellationToken);
                return new ReplyResult.Sent(answer?.Id, answer?.Url);
            }
            var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            return new ReplyResult.Failed($"The reply endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.", transient, response.Headers.RetryAfter?.Delta);
        }
    }

    private static async Task<ReplyAnswer?> ReadAnswer(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            return null;
        try
        {
            return await response.Content.ReadFromJsonAsync<ReplyAnswer>(JsonDefaults.Options, ct);
        }
        catch (JsonException)
        {
            // The reply was accepted (2xx); an answer we cannot read only means we have no platform id for it.
            return null;
        }
    }
}
