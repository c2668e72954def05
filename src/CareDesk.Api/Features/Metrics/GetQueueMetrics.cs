using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Metrics;

public sealed record QueueMetricsRow(
    Guid QueueId, string Name, int Waiting, double OldestWaitSeconds, int SlaAtRisk, int SlaBreached, int AgentsOnline, int AssignedOpen);

/// <summary>The live state of every queue, counted in the database.</summary>
public static class GetQueueMetrics
{
    public sealed record Query : IRequest<List<QueueMetricsRow>>;

    public sealed class Handler(CareDeskDbContext db, TimeProvider clock) : IRequestHandler<Query, List<QueueMetricsRow>>
    {
        public async Task<List<QueueMetricsRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rows = await db.Queues.AsNoTracking()
                .OrderBy(q => q.Name)
                .Select(q => new
                {
                    q.Id,
                    q.Name,
                    Waiting = db.Conversations.Count(c => c.QueueId == q.Id && c.Status == ConversationStatus.Open && c.AssigneeId == null),
                    OldestWaitingSince = db.Conversations
                        .Where(c => c.QueueId == q.Id && c.Status == ConversationStatus.Open && c.AssigneeId == null)
                        .Min(c => (DateTime?)c.WaitingSince),
                    SlaAtRisk = db.Conversations.Count(c => c.QueueId == q.Id && c.Status != ConversationStatus.Resolved && c.SlaState == SlaState.AtRisk),
                    SlaBreached = db.Conversations.Count(c => c.QueueId == q.Id && c.Status != ConversationStatus.Resolved && c.SlaState == SlaState.Breached),
                    AgentsOnline = db.QueueMembers.Count(m => m.QueueId == q.Id && db.HubConnections.Any(h => h.UserId == m.UserId && h.IsAgent)),
                    AssignedOpen = db.Conversations.Count(c => c.QueueId == q.Id && c.Status != ConversationStatus.Resolved && c.AssigneeId != null),
                })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new QueueMetricsRow(
                r.Id, r.Name, r.Waiting,
                r.OldestWaitingSince is { } since ? Math.Max(0, Math.Round((now - since).TotalSeconds)) : 0,
                r.SlaAtRisk, r.SlaBreached, r.AgentsOnline, r.AssignedOpen)).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/metrics/queues", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .RequireAuthorization(Policies.Supervisor);
}
