using CareDesk.Api.Features.Sla;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Ingest;

/// <summary>
/// Picks the queue and priority of a new conversation from the routing rules (first match by order wins,
/// the default queue otherwise), starts the queue's SLA clock, and auto-assigns where the queue asks for it.
/// </summary>
public sealed class RouteConversation(CareDeskDbContext db, AutoAssigner autoAssigner, IMediator mediator) : INotificationHandler<MentionAnalyzed>
{
    public async Task Handle(MentionAnalyzed notification, CancellationToken cancellationToken)
    {
        await ConcurrencyRetry.RunAsync(db, () => Route(notification, cancellationToken));
        await mediator.Publish(new MentionRouted(notification.MentionId, notification.ConversationId, notification.IsNewConversation, notification.Reopened), cancellationToken);
    }

    private async Task Route(MentionAnalyzed notification, CancellationToken ct)
    {
        var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync(c => c.Id == notification.ConversationId, ct);
        var mention = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == notification.MentionId, ct);

        if (conversation.QueueId is null)
        {
            var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ToListAsync(ct);
            var match = rules.FirstOrDefault(rule => RoutingRuleMatch.Matches(rule, conversation.ChannelId, mention, conversation.Contact.Followers));
            if (match is not null)
            {
                conversation.QueueId = match.QueueId;
                conversation.Priority = match.Priority;
            }
            else
            {
                conversation.QueueId = await db.Queues.Where(q => q.IsDefault).Select(q => (Guid?)q.Id).FirstOrDefaultAsync(ct);
            }
        }

        if (conversation.SlaDueAt is null && conversation.FirstResponseAt is null && conversation.QueueId is { } queueId)
        {
            var queue = await db.Queues.SingleAsync(q => q.Id == queueId, ct);
            conversation.SlaDueAt = SlaClock.DueAt(conversation.WaitingSince.AddMinutes(queue.FirstResponseMinutes), conversation.ReplyWindowClosesAt);
            conversation.SlaState = SlaState.Ok;
            if (conversation.AssigneeId is null)
                await autoAssigner.Assign(conversation, queue, ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
