namespace CareDesk.Api.Channels;

/// <summary>
/// One item of a platform webhook, normalized by its connector. A batch becomes a list of these, applied one by one
/// by <see cref="PlatformEvents"/>, so every item is either stored, matched to what is stored, or skipped with a reason.
/// </summary>
public abstract record PlatformEvent
{
    public sealed record Mention(IncomingMention Value) : PlatformEvent;

    /// <param name="Value">The mention as it reads now, with the platform id of the one first stored: stored as new if CareDesk never saw it.</param>
    public sealed record Edited(IncomingMention Value, DateTime EditedAt) : PlatformEvent;

    public sealed record Deleted(string PlatformMessageId, DateTime DeletedAt) : PlatformEvent;

    /// <param name="Reason">Why CareDesk deliberately does not store it (our own post, a read receipt...), counted in the webhook's answer.</param>
    public sealed record Skipped(string Reason) : PlatformEvent;
}

/// <summary>A webhook body that parsed as JSON but is not the platform's documented shape; answered with 400 and this reason.</summary>
public sealed class MalformedPayloadException(string message) : Exception(message);
