using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels;

/// <summary>
/// Publishes an agent's reply on the network a channel is connected to. One implementation per channel type;
/// the delivery job picks it by <see cref="ChannelType"/>.
/// </summary>
public interface IReplySender
{
    string ChannelType { get; }

    /// <summary>
    /// How long after the customer's last message of this kind the platform still accepts a reply (Messenger's
    /// 24-hour standard messaging window, ...); null when the platform sets no such limit.
    /// </summary>
    TimeSpan? ReplyWindow(MentionKind kind);

    /// <summary>
    /// Publishes the reply. Transient failures (timeouts, 5xx, 429) must come back as a transient
    /// <see cref="ReplyResult.Failed"/>, not as an exception; permanent ones (bad token, deleted post) as permanent.
    /// </summary>
    Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken);
}

/// <param name="ReplyId">Our id of the reply; senders pass it to the platform as an idempotency key where it takes one.</param>
/// <param name="InReplyTo">The platform id of the customer message being answered.</param>
/// <param name="EarlierAttempts">Delivery attempts of this reply started before this one. More than zero means an earlier
/// attempt may have published it without our learning so (timeout, crash): a sender for a platform without idempotency
/// keys looks for it before publishing again.</param>
/// <param name="QueuedAt">When the agent sent the reply: nothing the platform shows as published before it is this reply.</param>
public sealed record OutgoingReply(
    Guid ReplyId,
    ChannelConfig Channel,
    Guid ConversationId,
    string? ThreadId,
    string? InReplyTo,
    MentionKind? InReplyToKind,
    Contact Customer,
    string Text,
    int EarlierAttempts = 0,
    DateTime QueuedAt = default);

public abstract record ReplyResult
{
    public sealed record Sent(string? PlatformMessageId, string? Permalink) : ReplyResult;

    public sealed record Failed(string Error, bool Transient, TimeSpan? RetryAfter = null) : ReplyResult;
}
