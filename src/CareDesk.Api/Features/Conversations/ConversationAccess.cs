using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Conversations;

/// <summary>Agents see the conversations of their queues and those assigned to them; supervisors see all.</summary>
public static class ConversationAccess
{
    public static IQueryable<Conversation> VisibleTo(this IQueryable<Conversation> conversations, CareDeskDbContext db, Actor actor) =>
        actor.IsSupervisor
            ? conversations
            : conversations.Where(c => c.AssigneeId == actor.UserId || db.QueueMembers.Any(m => m.UserId == actor.UserId && m.QueueId == c.QueueId));

    /// <summary>Loads a conversation for a change, tracked; 404 when it does not exist or the actor may not see it.</summary>
    public static async Task<Conversation> LoadForChangeAsync(CareDeskDbContext db, Guid id, Actor actor, CancellationToken ct) =>
        await db.Conversations.Where(c => c.Id == id).VisibleTo(db, actor).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("The conversation");

    /// <summary>Only the assignee works a claimed conversation; an unclaimed one is claimed by whoever works it.</summary>
    public static async Task TakeOrEnsureHolderAsync(CareDeskDbContext db, Conversation conversation, Actor actor, CancellationToken ct)
    {
        if (conversation.AssigneeId is null)
        {
            conversation.AssigneeId = actor.UserId;
            return;
        }
        if (conversation.AssigneeId != actor.UserId)
            throw new ConflictException($"{await HolderName(db, conversation.AssigneeId, ct)} holds this conversation.");
    }

    public static async Task<string> HolderName(CareDeskDbContext db, string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "Someone else";
}
