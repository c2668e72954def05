namespace CareDesk.Data.Entities;

public enum AutoAssign { None, RoundRobin, LeastLoaded }

public class Queue
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The queue's SLA policy: minutes from the customer's message to our first reply.</summary>
    public int FirstResponseMinutes { get; set; } = 60;

    public AutoAssign AutoAssign { get; set; }
    public bool IsDefault { get; set; }

    /// <summary>The agent who got the last round-robin assignment, so the next one goes to someone else.</summary>
    public string? LastAssignedUserId { get; set; }

    public List<QueueMember> Members { get; set; } = [];
}

public class QueueMember
{
    public Guid QueueId { get; set; }
    public string UserId { get; set; } = "";
}
