using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Queues;

/// <summary>
/// Removes a queue nothing depends on any more. Resolved conversations keep their history and lose only
/// the queue reference (the foreign key sets it to null).
/// </summary>
public static class DeleteQueue
{
    public sealed record Command(Guid Id) : IRequest<Unit>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var queue = await db.Queues.SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("The queue");
            if (queue.IsDefault)
                throw new ConflictException("The default queue cannot be deleted; make another queue the default first.");
            if (await db.Conversations.AnyAsync(c => c.QueueId == queue.Id && c.Status != ConversationStatus.Resolved, cancellationToken))
                throw new ConflictException("The queue still has open conversations; resolve or move them first.");
            if (await db.RoutingRules.AnyAsync(r => r.QueueId == queue.Id, cancellationToken))
                throw new ConflictException("Routing rules still send conversations to this queue; change or delete them first.");

            db.Queues.Remove(queue);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/queues/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin);
}
