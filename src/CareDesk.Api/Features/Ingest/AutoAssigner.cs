using CareDesk.Api.Hubs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Ingest;

/// <summary>Gives a waiting conversation to an online agent of its queue who has room, by the queue's method.</summary>
public sealed class AutoAssigner(CareDeskDbContext db)
{
    public async Task Assign(Conversation conversation, Queue queue, CancellationToken ct)
    {
        if (queue.AutoAssign == AutoAssign.None)
            return;

        var candidates = await (
            from member in db.QueueMembers
            where member.QueueId == queue.Id
            join user in db.Users on member.UserId equals user.Id
            where db.HubConnections.Any(h => h.UserId == user.Id && h.IsAgent)
            select new
            {
                user.Id,
                user.Capacity,
                Load = db.Conversations.Count(c => c.AssigneeId == user.Id && c.Status != ConversationStatus.Resolved),
            }).ToListAsync(ct);
        var withRoom = candidates.Where(c => c.Load < c.Capacity).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (withRoom.Count == 0)
            return;

        var chosen = queue.AutoAssign == AutoAssign.LeastLoaded
            ? withRoom.OrderBy(c => c.Load).First()
            : withRoom.FirstOrDefault(c => string.CompareOrdinal(c.Id, queue.LastAssignedUserId) > 0) ?? withRoom[0];
        conversation.AssigneeId = chosen.Id;
        queue.LastAssignedUserId = chosen.Id;
    }
}
