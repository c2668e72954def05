using CareDesk.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Hubs;

/// <summary>Who views and who types in which conversation, kept in the hub-connection rows so every instance agrees.</summary>
public sealed class PresenceTracker(CareDeskDbContext db, InboxPublisher publisher)
{
    /// <returns>The conversation the connection was viewing before, if any.</returns>
    public async Task<Guid?> View(string connectionId, Guid conversationId, CancellationToken ct)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, ct))
            throw new HubException("That conversation does not exist.");
        var connection = await db.HubConnections.SingleAsync(c => c.ConnectionId == connectionId, ct);
        var previous = connection.ViewingConversationId;
        connection.ViewingConversationId = conversationId;
        connection.Typing = false;
        await db.SaveChangesAsync(ct);
        return previous;
    }

    public async Task<bool> Leave(string connectionId, Guid conversationId, CancellationToken ct) =>
        await db.HubConnections
            .Where(c => c.ConnectionId == connectionId && c.ViewingConversationId == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ViewingConversationId, (Guid?)null).SetProperty(c => c.Typing, false), ct) > 0;

    public async Task<bool> SetTyping(string connectionId, Guid conversationId, bool typing, CancellationToken ct) =>
        await db.HubConnections
            .Where(c => c.ConnectionId == connectionId && c.ViewingConversationId == conversationId && c.Typing != typing)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Typing, typing), ct) > 0;

    /// <returns>The conversation the connection was viewing, if any.</returns>
    public async Task<Guid?> Disconnect(string connectionId, CancellationToken ct)
    {
        var viewing = await db.HubConnections.Where(c => c.ConnectionId == connectionId).Select(c => c.ViewingConversationId).FirstOrDefaultAsync(ct);
        await db.HubConnections.Where(c => c.ConnectionId == connectionId).ExecuteDeleteAsync(ct);
        return viewing;
    }

    public async Task Announce(Guid conversationId, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.QueueId, c.AssigneeId })
            .SingleOrDefaultAsync(ct);
        if (conversation is null)
            return;
        var here = await db.HubConnections.AsNoTracking()
            .Where(c => c.ViewingConversationId == conversationId)
            .Select(c => new { c.UserId, c.UserName, c.Typing })
            .ToListAsync(ct);
        var viewers = here.DistinctBy(c => c.UserId).Select(c => new PresenceUser(c.UserId, c.UserName)).ToList();
        var typing = here.Where(c => c.Typing).DistinctBy(c => c.UserId).Select(c => new PresenceUser(c.UserId, c.UserName)).ToList();
        await publisher.PresenceChanged(conversation.QueueId, conversation.AssigneeId, new PresenceChanged(conversationId, viewers, typing), ct);
    }
}
