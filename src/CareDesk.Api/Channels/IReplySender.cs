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
/// <param name="EarlierAttemptMayHaveSent">
/// An earlier attempt may have published the reply without us learning its platform id (the worker died while
/// sending, or the platform failed after receiving it): senders check the platform before posting again.
/// </param>
public sealed record OutgoingReply(
    Guid ReplyId,
    ChannelConfig Channel,
    Guid ConversationId,
    string? ThreadId,
    string? InReplyTo,
    MentionKind? InReplyToKind,
    Contact Customer,
    string Text,
    bool EarlierAttemptMayHaveSent = false);

public abstract record ReplyResult
{
    public sealed record Sent(string? PlatformMessageId, string? Permalink) : ReplyResult;

    public sealed record Failed(string Error, bool Transient, TimeSpan? RetryAfter = null) : ReplyResult;
}
