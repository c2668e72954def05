using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Hubs;

/// <summary>Thin on purpose: it joins groups and tracks presence; everything else is pushed by handlers and jobs.</summary>
[Authorize(Policy = Policies.AnyRole)]
public sealed class InboxHub(CareDeskDbContext db, PresenceTracker presence, LocalHubConnections local, TimeProvider clock) : Hub<IInboxClient>
{
    public const string Path = "/hubs/inbox";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var userId = user.UserId();
        var groups = new List<string> { InboxAudience.ForUser(userId) };
        groups.AddRange(Roles.All.Where(user.IsInRole).Select(InboxAudience.ForRole));
        // Supervisors hear of every conversation through their role group; queue groups as well would send them each message twice.
        if (!user.IsInRole(Roles.Supervisor))
        {
            var queues = await db.QueueMembers.Where(m => m.UserId == userId).Select(m => m.QueueId).ToListAsync();
            groups.AddRange(queues.Select(InboxAudience.ForQueue));
        }
        foreach (var group in groups)
            await Groups.AddToGroupAsync(Context.ConnectionId, group);

        var now = clock.GetUtcNow().UtcDateTime;
        db.HubConnections.Add(new HubConnection
        {
            ConnectionId = Context.ConnectionId,
            UserId = userId,
            UserName = user.DisplayName(),
            IsAgent = user.IsInRole(Roles.Agent),
            ConnectedAt = now,
            SeenAt = now,
        });
        await db.SaveChangesAsync();
        local.Add(Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        local.Remove(Context.ConnectionId);
        var viewing = await presence.Disconnect(Context.ConnectionId, CancellationToken.None);
        if (viewing is { } conversationId)
            await presence.Announce(conversationId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    [Authorize(Policy = Policies.Agent)]
    public async Task ViewConversation(Guid conversationId)
    {
        var previous = await presence.View(Context.ConnectionId, conversationId, Context.ConnectionAborted);
        if (previous is { } left && left != conversationId)
            await presence.Announce(left, Context.ConnectionAborted);
        await presence.Announce(conversationId, Context.ConnectionAborted);
    }

    [Authorize(Policy = Policies.Agent)]
    public async Task LeaveConversation(Guid conversationId)
    {
        if (await presence.Leave(Context.ConnectionId, conversationId, Context.ConnectionAborted))
            await presence.Announce(conversationId, Context.ConnectionAborted);
    }

    [Authorize(Policy = Policies.Agent)]
    public async Task Typing(Guid conversationId, bool isTyping)
    {
        if (await presence.SetTyping(Context.ConnectionId, conversationId, isTyping, Context.ConnectionAborted))
            await presence.Announce(conversationId, Context.ConnectionAborted);
    }
}
