using CareDesk.Api.Jobs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Delivery;

/// <summary>
/// Enqueues every reply that is due and not held by a worker. The outbox rows are the truth: after a restart
/// (in-memory job storage forgets its jobs) this is what delivers them; the lease makes a double enqueue harmless.
/// </summary>
public static class SweepOutbox
{
    public sealed record Command : IRequest<int>;

    public sealed class Handler(CareDeskDbContext db, IBackgroundJobClient jobs, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Messages.AsNoTracking()
                .Where(m => m.DeliveryStatus == DeliveryStatus.Queued && m.NextAttemptAt <= now && (m.DeliveryLeaseUntil == null || m.DeliveryLeaseUntil < now))
                .Select(m => m.Id)
                .ToListAsync(cancellationToken);
            foreach (var replyId in due)
                jobs.Enqueue<DeliverReplyJob>(job => job.Run(replyId, CancellationToken.None));
            return due.Count;
        }
    }
}
