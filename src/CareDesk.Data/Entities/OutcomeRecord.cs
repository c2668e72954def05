namespace CareDesk.Data.Entities;

/// <summary>What one resolution of a conversation achieved; the source of every report.</summary>
public class OutcomeRecord
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChannelId { get; set; }
    public string ChannelType { get; set; } = "";
    public Guid? QueueId { get; set; }
    public string? AgentId { get; set; }
    public string Intent { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string? Note { get; set; }
    public DateTime ResolvedAt { get; set; }

    /// <summary>The UTC day of <see cref="ResolvedAt"/> as yyyy-MM-dd, so reports group by day alike on every provider.</summary>
    public string ResolvedDay { get; set; } = "";

    public double? FirstResponseSeconds { get; set; }
    public double HandlingSeconds { get; set; }
    public bool SlaMet { get; set; }
    public double SentimentStart { get; set; }
    public double SentimentEnd { get; set; }
    public double SentimentChange { get; set; }
}
