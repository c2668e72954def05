namespace CareDesk.Data.Entities;

public enum LeadStatus { Flagged, New, Contacted, Qualified, Won, Lost, Dismissed }

/// <summary>A buying signal flagged from a mention; becomes a lead once sales accepts it.</summary>
public class Lead
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public Message Message { get; set; } = null!;
    public Guid ConversationId { get; set; }
    public Guid ContactId { get; set; }
    public Contact Contact { get; set; } = null!;
    public LeadStatus Status { get; set; }
    public double Confidence { get; set; }

    /// <summary>JSON array of the cues that flagged it.</summary>
    public string ReasonsJson { get; set; } = "[]";

    public decimal? Value { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<LeadHistoryEntry> History { get; set; } = [];
}

public class LeadHistoryEntry
{
    public Guid Id { get; set; }
    public Guid LeadId { get; set; }
    public LeadStatus Status { get; set; }
    public decimal? Value { get; set; }
    public string? Note { get; set; }
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
}
