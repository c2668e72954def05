namespace CareDesk.Data.Entities;

/// <summary>
/// Conditions that pick a queue and priority for a new conversation. Every set condition must match;
/// rules are tried by <see cref="Order"/> and the first match wins.
/// </summary>
public class RoutingRule
{
    public Guid Id { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public Guid? ChannelId { get; set; }

    /// <summary>Comma-separated; any one of them appearing in the text matches.</summary>
    public string Keywords { get; set; } = "";

    public string? Intent { get; set; }
    public double? SentimentBelow { get; set; }
    public int? FollowersAbove { get; set; }
    public string? Language { get; set; }
    public Guid QueueId { get; set; }
    public Priority Priority { get; set; } = Priority.Normal;
}
