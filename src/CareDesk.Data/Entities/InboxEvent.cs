namespace CareDesk.Data.Entities;

/// <summary>
/// Every message pushed over the inbox hub, written first so a reconnecting client can fetch what
/// it missed. The audience columns say who may read it back.
/// </summary>
public class InboxEvent
{
    public long Sequence { get; set; }
    public string Type { get; set; } = "";
    public string PayloadJson { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public Guid? QueueId { get; set; }
    public bool ForQueueMembers { get; set; }
    public bool ForSupervisors { get; set; }
    public bool ForSales { get; set; }
    public string? ForUserId { get; set; }
}
