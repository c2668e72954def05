namespace CareDesk.Data.Entities;

public enum MessageKind { Mention, Reply, Note }

public enum DeliveryStatus { Queued, Sent, Failed }

public enum MentionKind { Post, Comment, Direct }

/// <summary>
/// A customer mention, an agent reply or a private note. A reply row is also the outbox entry its
/// delivery job works from.
/// </summary>
public class Message
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChannelId { get; set; }
    public MessageKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>The platform's id: of the customer's post, or of our reply once published.</summary>
    public string? PlatformMessageId { get; set; }

    public MentionKind? MentionKind { get; set; }
    public Guid? ContactId { get; set; }
    public string? AuthorUserId { get; set; }
    public string? ParentPlatformId { get; set; }
    public string? Permalink { get; set; }
    public string? Language { get; set; }

    public bool Analyzed { get; set; }
    public double? SentimentScore { get; set; }
    public string? SentimentLabel { get; set; }
    public string? Intent { get; set; }
    public double? IntentConfidence { get; set; }

    /// <summary>JSON: { sentiment: [reasons], intent: [reasons] }.</summary>
    public string? AnalysisReasonsJson { get; set; }

    public DeliveryStatus? DeliveryStatus { get; set; }
    public string? DeliveryError { get; set; }
    public int DeliveryAttempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>A delivery job holds the row until this time, so two workers never send it at once.</summary>
    public DateTime? DeliveryLeaseUntil { get; set; }

    public DateTime? EditedAt { get; set; }
    public string? OriginalText { get; set; }
    public DateTime? DeletedAt { get; set; }
}
