using System.Text.Json;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Leads;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Hubs;

/// <summary>
/// Sends inbox messages: each is first written to the event log, which gives it its sequence, and then
/// pushed to its audience's groups. Call it after the change it reports has been saved.
/// </summary>
public sealed class InboxPublisher(CareDeskDbContext db, IHubContext<InboxHub, IInboxClient> hub, TimeProvider clock)
{
    public Task ConversationCreated(ConversationSummary conversation, CancellationToken ct) =>
        Publish(nameof(IInboxClient.ConversationCreated), conversation, ConversationAudience(conversation), c => c.ConversationCreated(conversation), ct);

    public Task ConversationChanged(ConversationSummary conversation, CancellationToken ct) =>
        Publish(nameof(IInboxClient.ConversationChanged), conversation, ConversationAudience(conversation), c => c.ConversationChanged(conversation), ct);

    public Task MentionReceived(ConversationSummary conversation, MessageView message, CancellationToken ct)
    {
        var payload = new MentionReceived(conversation.Id, message);
        return Publish(nameof(IInboxClient.MentionReceived), payload, ConversationAudience(conversation), c => c.MentionReceived(payload), ct);
    }

    /// <summary>A stored mention was edited or deleted on the platform; same payload shape as <c>MentionReceived</c>.</summary>
    public Task MentionUpdated(ConversationSummary conversation, MessageView message, CancellationToken ct)
    {
        var payload = new MentionReceived(conversation.Id, message);
        return Publish(nameof(IInboxClient.MentionUpdated), payload, ConversationAudience(conversation), c => c.MentionUpdated(payload), ct);
    }

    public Task ReplyStatusChanged(ConversationSummary conversation, MessageView reply, CancellationToken ct)
    {
        var payload = new ReplyStatusChanged(conversation.Id, reply.Id, reply.DeliveryStatus ?? DeliveryStatus.Queued, reply.DeliveryError, reply);
        return Publish(nameof(IInboxClient.ReplyStatusChanged), payload, ConversationAudience(conversation), c => c.ReplyStatusChanged(payload), ct);
    }

    public Task PresenceChanged(Guid? queueId, string? assigneeId, PresenceChanged payload, CancellationToken ct) =>
        Publish(nameof(IInboxClient.PresenceChanged), payload, InboxAudience.Conversation(queueId, assigneeId), c => c.PresenceChanged(payload), ct);

    public Task QueueMetricsChanged(QueueMetricsChanged payload, CancellationToken ct) =>
        Publish(nameof(IInboxClient.QueueMetricsChanged), payload, InboxAudience.SupervisorsOnly, c => c.QueueMetricsChanged(payload), ct);

    public Task BuyingSignalFlagged(LeadView lead, CancellationToken ct) =>
        Publish(nameof(IInboxClient.BuyingSignalFlagged), lead, InboxAudience.SalesAndSupervisors, c => c.BuyingSignalFlagged(lead), ct);

    public Task SlaAlert(SlaAlert payload, string? assigneeId, CancellationToken ct) =>
        Publish(nameof(IInboxClient.SlaAlert), payload, InboxAudience.SupervisorsAnd(assigneeId), c => c.SlaAlert(payload), ct);

    private static InboxAudience ConversationAudience(ConversationSummary conversation) =>
        InboxAudience.Conversation(conversation.QueueId, conversation.AssigneeId);

    private async Task Publish<T>(string type, T payload, InboxAudience audience, Func<IInboxClient, Task> push, CancellationToken ct)
        where T : IInboxMessage
    {
        var entry = new InboxEvent
        {
            Type = type,
            PayloadJson = JsonSerializer.Serialize(payload, JsonDefaults.Options),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            QueueId = audience.QueueId,
            ForQueueMembers = audience.QueueMembers,
            ForSupervisors = audience.Supervisors,
            ForSales = audience.Sales,
            ForUserId = audience.UserId,
        };
        db.InboxEvents.Add(entry);
        await db.SaveChangesAsync(ct);
        payload.Sequence = entry.Sequence;
        await push(hub.Clients.Groups(await GroupsReachingEachOnce(audience, ct)));
    }

    /// <summary>
    /// SignalR sends a message once per group, so a connection in two of the groups gets it twice: the user's own
    /// group is left out when that user is reached anyway, as a member of the queue or as a supervisor.
    /// </summary>
    private async Task<IReadOnlyList<string>> GroupsReachingEachOnce(InboxAudience audience, CancellationToken ct)
    {
        var groups = audience.Groups();
        if (audience.UserId is not { } userId)
            return groups;
        var reachedAnyway =
            (audience.Supervisors && await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Supervisor), ct))
            || (audience.QueueMembers && audience.QueueId is { } queueId && await db.QueueMembers.AnyAsync(m => m.UserId == userId && m.QueueId == queueId, ct));
        return reachedAnyway ? groups.Where(g => g != InboxAudience.ForUser(userId)).ToList() : groups;
    }
}
