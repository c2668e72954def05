namespace CareDesk.Data.Entities;

public enum ConversationStatus { Open, Pending, Resolved }

public enum Priority { Low, Normal, High, Urgent }

public enum SlaState { Ok, AtRisk, Breached, Met }

public class Conversation
{
    public Guid Id { get; set; }
    public Guid ChannelId { get; set; }
    public Channel Channel { get; set; } = null!;
    public Guid ContactId { get; set; }
    public Contact Contact { get; set; } = null!;

    /// <summary>The platform's thread (root post) id, when the platform has threads.</summary>
    public string? ThreadId { get; set; }

    public Guid? QueueId { get; set; }
    public ConversationStatus Status { get; set; }
    public Priority Priority { get; set; } = Priority.Normal;
    public string? AssigneeId { get; set; }
    public AppUser? Assignee { get; set; }

    /// <summary>When the customer started waiting for our first response in this (re)opening.</summary>
    public DateTime WaitingSince { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? SlaDueAt { get; set; }
    public SlaState SlaState { get; set; }
    public DateTime LastMessageAt { get; set; }

    /// <summary>
    /// When the platform stops accepting a reply to the customer's last message (Messenger / Instagram DMs: 24 hours
    /// after it); null when the last message's platform sets no such window.
    /// </summary>
    public DateTime? ReplyWindowClosesAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Analysis of the latest customer message, for list views.</summary>
    public double SentimentScore { get; set; }
    public string SentimentLabel { get; set; } = "neutral";
    public string Intent { get; set; } = "other";
    public double IntentConfidence { get; set; }
    public string Preview { get; set; } = "";

    /// <summary>Optimistic concurrency token: replaced on every save, so it works alike on SQLite and SQL Server.</summary>
    public Guid Version { get; set; }
}
