using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CareDesk.Data.Entities;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>
/// Replies as a post in the customer's thread (reply.root / reply.parent strong refs) with a mention facet for the
/// customer. Bluesky takes no idempotency key, so the record key is derived from the reply: a retry after an unknown
/// outcome collides with the post already written, and finding that post under our key counts as sent.
/// </summary>
public sealed class BlueskyReplySender(BlueskyClient client, TimeProvider clock) : IReplySender
{
    private const int MaxGraphemes = 300;

    public string ChannelType => BlueskyConnector.ChannelType;

    /// <summary>The platform sets no time limit on answering.</summary>
    public TimeSpan? ReplyWindow(MentionKind kind) => null;

    public async Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        if (reply.InReplyTo is null)
            return new ReplyResult.Failed("There is no customer post in this conversation to reply to.", Transient: false);
        try
        {
            return await Publish(reply, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            return new ReplyResult.Failed($"{exception.Message} Check the channel's handle and app password.", Transient: false);
        }
        catch (Exception exception) when (ConnectorHttp.IsUnreachable(exception, cancellationToken))
        {
            return new ReplyResult.Failed($"Could not reach Bluesky: {exception.Message}", Transient: true);
        }
    }

    private async Task<ReplyResult> Publish(OutgoingReply reply, CancellationToken ct)
    {
        var channel = reply.Channel;
        var ourDid = channel.Setting(BlueskyConnector.Did) ?? (await client.SessionAsync(channel, ct)).Did;
        var parent = (await client.GetPostsAsync(channel, [reply.InReplyTo!], ct)).SingleOrDefault();
        if (parent is null)
            return new ReplyResult.Failed("The customer's post was deleted or is no longer visible to us.", Transient: false);
        var parentRef = new StrongRef(parent.Uri, parent.Cid);
        var root = ReadPost(parent.Record)?.Reply?.Root ?? parentRef;

        var (text, mention) = BlueskyRichText.AddressTo(reply.Text, parent.Author.Handle, parent.Author.Did);
        var graphemes = new StringInfo(text).LengthInTextElements;
        if (graphemes > MaxGraphemes)
            return new ReplyResult.Failed($"Bluesky posts are limited to {MaxGraphemes} characters; this reply has {graphemes} with the customer's handle.", Transient: false);

        var rkey = BlueskyTid.ForReply(reply.ReplyId, reply.QueuedAt);
        var record = new PostRecord(PostCollection, text, reply.QueuedAt.ToUniversalTime(), [mention], new ReplyRef(root, parentRef), ReadPost(parent.Record)?.Langs?.Take(1).ToList());

        using var response = await client.CreateRecordAsync(channel, new CreateRecordInput(ourDid, PostCollection, rkey, record), ct);
        if (response.IsSuccessStatusCode)
        {
            var created = (await response.Content.ReadFromJsonAsync<RecordRef>(Json, ct))!;
            return new ReplyResult.Sent(created.Uri, Permalink(created.Uri));
        }

        var error = $"Bluesky could not post the reply: {await BlueskyClient.ErrorText(response, ct)}";
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new ReplyResult.Failed(error, Transient: true, RateLimitReset(response));
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            return new ReplyResult.Failed(error, Transient: true);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict
            && await client.GetRecordAsync(channel, ourDid, PostCollection, rkey, ct) is { } existing)
            return new ReplyResult.Sent(existing.Uri, Permalink(existing.Uri));
        return new ReplyResult.Failed(error, Transient: false);
    }

    /// <summary>Bluesky's ratelimit-reset header is the reset time in Unix seconds.</summary>
    private TimeSpan? RateLimitReset(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (!response.Headers.TryGetValues("ratelimit-reset", out var values) || !long.TryParse(values.First(), out var seconds))
            return null;
        var wait = DateTimeOffset.FromUnixTimeSeconds(seconds) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
