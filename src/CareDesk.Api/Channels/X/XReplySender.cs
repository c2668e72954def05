using System.Globalization;
using System.Text.Json.Nodes;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.X;

/// <summary>
/// Publishes a reply as a reply post (<c>POST /2/tweets</c>) to a public mention, or as a direct message to a DM.
/// X takes no idempotency key, so when an earlier attempt may have gone out the account's recent replies are searched
/// for this one before anything is published again.
/// </summary>
public sealed class XReplySender(XApiClient x) : IReplySender
{
    /// <summary>Clocks differ a little between X and us; a reply published just "before" it was queued is still this one.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public string ChannelType => XConnector.ChannelType;

    /// <summary>The platform sets no time limit on answering.</summary>
    public TimeSpan? ReplyWindow(MentionKind kind) => null;

    public Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken) =>
        reply.InReplyToKind == MentionKind.Direct ? SendDirectMessage(reply, cancellationToken) : SendReplyPost(reply, cancellationToken);

    private async Task<ReplyResult> SendReplyPost(OutgoingReply reply, CancellationToken ct)
    {
        if (reply.InReplyTo is null)
            return new ReplyResult.Failed("There is no customer post in this conversation to reply to.", Transient: false);
        var length = XText.WeightedLength(reply.Text);
        if (length > XText.MaxPostLength)
            return new ReplyResult.Failed(
                $"The reply is {length} characters as X counts them (a link counts 23, an emoji or CJK character 2); a reply post is limited to {XText.MaxPostLength}. Shorten it.",
                Transient: false);

        var channel = reply.Channel;
        if (reply.EarlierAttempts > 0)
        {
            var earlier = await FindEarlierReplyPost(reply, ct);
            if (earlier is not null)
                return earlier;
        }

        var answer = await x.SendAsync(channel, HttpMethod.Post, "2/tweets",
            new { text = reply.Text, reply = new { in_reply_to_tweet_id = reply.InReplyTo } }, ct);
        if (answer.Failure is not null)
            return answer.Failure;
        var id = answer.Body.Object("data").String("id");
        return new ReplyResult.Sent(id, id is null ? null : XConnector.Permalink(channel.Setting(XConnector.AccountHandle), id));
    }

    private async Task<ReplyResult> SendDirectMessage(OutgoingReply reply, CancellationToken ct)
    {
        if (reply.Text.Length > XText.MaxDirectMessageLength)
            return new ReplyResult.Failed($"A direct message on X is limited to {XText.MaxDirectMessageLength} characters; this one has {reply.Text.Length}.", Transient: false);

        if (reply.EarlierAttempts > 0)
        {
            var earlier = await FindEarlierDirectMessage(reply, ct);
            if (earlier is not null)
                return earlier;
        }

        var answer = await x.SendAsync(reply.Channel, HttpMethod.Post, DirectMessagesPath(reply.Customer.PlatformUserId) + "/messages", new { text = reply.Text }, ct);
        if (answer.Failure is not null)
            return answer.Failure;
        var data = answer.Body.Object("data");
        return new ReplyResult.Sent(data.String("dm_event_id"), ConversationLink(data.String("dm_conversation_id")));
    }

    /// <returns>Sent when the reply is already on X, a failure when X cannot be asked now, null when it is not there.</returns>
    private async Task<ReplyResult?> FindEarlierReplyPost(OutgoingReply reply, CancellationToken ct)
    {
        var accountId = reply.Channel.Setting(XConnector.AccountId)!;
        var query = "?max_results=100&exclude=retweets&tweet.fields=referenced_tweets,created_at"
            + (reply.QueuedAt == default ? "" : "&start_time=" + Uri.EscapeDataString(Iso(reply.QueuedAt - ClockSkew)));
        var answer = await x.SendAsync(reply.Channel, HttpMethod.Get, $"2/users/{Uri.EscapeDataString(accountId)}/tweets{query}", null, ct);
        if (answer.Failure is not null)
            return Unverifiable(answer.Failure);
        var published = answer.Body.Objects("data").FirstOrDefault(post =>
            post.Objects("referenced_tweets").Any(r => r.String("type") == "replied_to" && r.String("id") == reply.InReplyTo)
            && XText.SameText(post.String("text") ?? "", reply.Text));
        var id = published.String("id");
        return id is null ? null : new ReplyResult.Sent(id, XConnector.Permalink(reply.Channel.Setting(XConnector.AccountHandle), id));
    }

    private async Task<ReplyResult?> FindEarlierDirectMessage(OutgoingReply reply, CancellationToken ct)
    {
        var accountId = reply.Channel.Setting(XConnector.AccountId)!;
        var answer = await x.SendAsync(reply.Channel, HttpMethod.Get,
            DirectMessagesPath(reply.Customer.PlatformUserId) + "/dm_events?max_results=100&event_types=MessageCreate&dm_event.fields=id,text,sender_id,created_at,dm_conversation_id",
            null, ct);
        if (answer.Failure is not null)
            return Unverifiable(answer.Failure);
        var published = answer.Body.Objects("data").FirstOrDefault(message =>
            message.String("sender_id") == accountId
            && (reply.QueuedAt == default || PublishedSince(message, reply.QueuedAt - ClockSkew))
            && XText.SameText(message.String("text") ?? "", reply.Text));
        return published.String("id") is { } id ? new ReplyResult.Sent(id, ConversationLink(published.String("dm_conversation_id"))) : null;
    }

    /// <summary>Publishing without knowing whether an earlier attempt went out could post twice: wait and look again instead.</summary>
    private static ReplyResult.Failed Unverifiable(ReplyResult.Failed lookup) =>
        lookup with { Error = $"An earlier attempt may have been published, and X could not be asked whether it was: {lookup.Error}" };

    private static string DirectMessagesPath(string participantId) => $"2/dm_conversations/with/{Uri.EscapeDataString(participantId)}";

    private static string? ConversationLink(string? conversationId) => conversationId is null ? null : $"https://x.com/messages/{conversationId}";

    /// <summary>Without a readable created_at, the text alone decides.</summary>
    private static bool PublishedSince(JsonObject message, DateTime since) =>
        !DateTime.TryParse(message.String("created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
        || at >= since;

    private static string Iso(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
