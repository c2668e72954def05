using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CareDesk.Data.Entities;
using static CareDesk.Api.Channels.Mastodon.MastodonPayloads;

namespace CareDesk.Api.Channels.Mastodon;

/// <summary>
/// Replies as a status in reply to the customer's, mentioning them, with the customer's visibility. The reply id is
/// sent as Idempotency-Key, so a retry after an unknown outcome returns the status already posted instead of a second one.
/// </summary>
public sealed class MastodonReplySender(MastodonClient client, TimeProvider clock) : IReplySender
{
    public string ChannelType => MastodonConnector.ChannelType;

    /// <summary>The platform sets no time limit on answering.</summary>
    public TimeSpan? ReplyWindow(MentionKind kind) => null;

    public async Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        if (reply.InReplyTo is null)
            return new ReplyResult.Failed("There is no customer status in this conversation to reply to.", Transient: false);
        try
        {
            using var original = await client.GetStatusAsync(reply.Channel, reply.InReplyTo, cancellationToken);
            if (!original.IsSuccessStatusCode)
                return await Failure(original, "read the customer's status", cancellationToken);
            var customerStatus = (await original.Content.ReadFromJsonAsync<Status>(Json, cancellationToken))!;

            var status = new NewStatus(
                Addressed(reply.Text, reply.Customer, customerStatus.Account),
                reply.InReplyTo,
                customerStatus.Visibility ?? (reply.InReplyToKind == MentionKind.Direct ? "direct" : "public"));
            using var posted = await client.PostStatusAsync(reply.Channel, status, reply.ReplyId.ToString(), cancellationToken);
            if (!posted.IsSuccessStatusCode)
                return await Failure(posted, "post the reply", cancellationToken);
            var created = (await posted.Content.ReadFromJsonAsync<Status>(Json, cancellationToken))!;
            return new ReplyResult.Sent(created.Id, created.Url ?? created.Uri);
        }
        catch (Exception exception) when (ConnectorHttp.IsUnreachable(exception, cancellationToken))
        {
            return new ReplyResult.Failed($"Could not reach Mastodon: {exception.Message}", Transient: true);
        }
    }

    /// <summary>The reply starts with the customer's @acct, which is what notifies them (and lets them see a direct reply).</summary>
    public static string Addressed(string text, Contact customer, Account author)
    {
        var handle = "@" + (author.Acct ?? customer.Handle.TrimStart('@'));
        return text.StartsWith(handle, StringComparison.OrdinalIgnoreCase) ? text : $"{handle} {text}";
    }

    private async Task<ReplyResult> Failure(HttpResponseMessage response, string doing, CancellationToken ct)
    {
        var error = $"Mastodon could not {doing}: {await MastodonClient.ErrorText(response, ct)}";
        var code = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new ReplyResult.Failed(error, Transient: true, RateLimitReset(response));
        if (code >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            return new ReplyResult.Failed(error, Transient: true);
        var reason = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " The access token is invalid, revoked or lacks write:statuses.",
            HttpStatusCode.NotFound => " The customer's status was deleted or is no longer visible to us.",
            _ => "",
        };
        return new ReplyResult.Failed(error + reason, Transient: false);
    }

    /// <summary>Mastodon says when the rate limit window resets (X-RateLimit-Reset, an ISO 8601 time).</summary>
    private TimeSpan? RateLimitReset(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (!response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            || !DateTimeOffset.TryParse(values.First(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
            return null;
        var wait = reset - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
