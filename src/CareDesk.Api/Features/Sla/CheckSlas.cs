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
/// the assignee once per change. A platform reply window that closes before the SLA is due brings the due time
/// forward to its close; the at-risk margin stays that of the agreed SLA, so such a conversation escalates early.
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

            var changed = new List<(Conversation Conversation, bool StateChanged)>();
            foreach (var conversation in waiting)
            {
                var agreed = conversation.SlaDueAt!.Value;
                var atRiskMargin = (agreed - conversation.WaitingSince) * options.Value.AtRiskShare;
                var due = SlaClock.DueAt(agreed, conversation.ReplyWindowClosesAt);
                var state = now >= due ? SlaState.Breached
                    : due - now <= atRiskMargin ? SlaState.AtRisk
                    : SlaState.Ok;
                var stateChanged = state != conversation.SlaState;
                if (!stateChanged && due == agreed)
                    continue;
                conversation.SlaDueAt = due;
                conversation.SlaState = state;
                changed.Add((conversation, stateChanged));
            }
            if (changed.Count == 0)
                return 0;

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (conversation, stateChanged) in changed)
            {
                if (stateChanged)
                {
                    var kind = conversation.SlaState == SlaState.Breached ? SlaAlertKind.Breached : SlaAlertKind.AtRisk;
                    await publisher.SlaAlert(new SlaAlert(conversation.Id, kind, conversation.SlaDueAt!.Value), conversation.AssigneeId, cancellationToken);
                }
                await publisher.ConversationChanged(await ConversationSummary.LoadAsync(db, conversation.Id, cancellationToken), cancellationToken);
            }
            metrics.Changed();
            return changed.Count;
        }
    }
}
