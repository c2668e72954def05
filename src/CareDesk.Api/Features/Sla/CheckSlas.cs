using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Metrics;
using CareDesk.Api.Hubs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Features.Sla;

/// <summary>
/// Marks conversations still waiting for a first response as at risk or breached, and alerts supervisors and
/// the assignee once per change.
/// </summary>
public static class CheckSlas
{
    public sealed record Command : IRequest<int>;

    public sealed class Handler(CareDeskDbContext db, InboxPublisher publisher, QueueMetricsSignal metrics, IOptions<SlaOptions> options, TimeProvider clock)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var waiting = await db.Conversations
                .Where(c => c.Status != ConversationStatus.Resolved && c.FirstResponseAt == null && c.SlaDueAt != null
                    && (c.SlaState == SlaState.Ok || c.SlaState == SlaState.AtRisk))
                .ToListAsync(cancellationToken);

            var changed = new List<Conversation>();
            foreach (var conversation in waiting)
            {
                var due = conversation.SlaDueAt!.Value;
                var window = due - conversation.WaitingSince;
                var state = now >= due ? SlaState.Breached
                    : due - now <= window * options.Value.AtRiskShare ? SlaState.AtRisk
                    : SlaState.Ok;
                if (state == conversation.SlaState)
                    continue;
                conversation.SlaState = state;
                changed.Add(conversation);
            }
            if (changed.Count == 0)
                return 0;

            await db.SaveChangesAsync(cancellationToken);
            foreach (var conversation in changed)
            {
                var kind = conversation.SlaState == SlaState.Breached ? SlaAlertKind.Breached : SlaAlertKind.AtRisk;
                await publisher.SlaAlert(new SlaAlert(conversation.Id, kind, conversation.SlaDueAt!.Value), conversation.AssigneeId, cancellationToken);
                await publisher.ConversationChanged(await ConversationSummary.LoadAsync(db, conversation.Id, cancellationToken), cancellationToken);
            }
            metrics.Changed();
            return changed.Count;
        }
    }
}
