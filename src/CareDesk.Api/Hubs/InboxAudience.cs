using CareDesk.Data.Entities;

namespace CareDesk.Api.Hubs;

/// <summary>Who receives an inbox message. Group names are built here and nowhere else.</summary>
public sealed record InboxAudience(Guid? QueueId, bool QueueMembers, bool Supervisors, bool Sales, string? UserId)
{
    /// <summary>Agents of the conversation's queue, its assignee, and supervisors.</summary>
    public static InboxAudience Conversation(Guid? queueId, string? assigneeId) => new(queueId, queueId is not null, true, false, assigneeId);

    public static readonly InboxAudience SupervisorsOnly = new(null, false, true, false, null);

    public static readonly InboxAudience SalesAndSupervisors = new(null, false, true, true, null);

    public static InboxAudience SupervisorsAnd(string? userId) => new(null, false, true, false, userId);

    public IReadOnlyList<string> Groups()
    {
        var groups = new List<string>();
        if (QueueMembers && QueueId is { } queueId) groups.Add(ForQueue(queueId));
        if (Supervisors) groups.Add(ForRole(Roles.Supervisor));
        if (Sales) groups.Add(ForRole(Roles.Sales));
        if (UserId is not null) groups.Add(ForUser(UserId));
        return groups;
    }

    public static string ForQueue(Guid queueId) => $"queue:{queueId}";

    public static string ForRole(string role) => $"role:{role}";

    public static string ForUser(string userId) => $"user:{userId}";
}
