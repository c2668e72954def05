using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Queues;

/// <summary>Edits a queue. Omitted memberIds keep the members; an omitted isDefault keeps the default.</summary>
public static class UpdateQueue
{
    public sealed record Command(Guid Id, string? Name, int? FirstResponseMinutes, AutoAssign? AutoAssign, bool? IsDefault, IReadOnlyList<string>? MemberIds)
        : IRequest<QueueView>, IQueueFields;

    public sealed class Validator(CareDeskDbContext db) : QueueFieldsValidator<Command>(db);

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, QueueView>
    {
        public async Task<QueueView> Handle(Command command, CancellationToken cancellationToken)
        {
            var queue = await db.Queues.Include(q => q.Members).SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("The queue");
            await QueueChanges.ApplyAsync(db, queue, command, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await QueueView.LoadAsync(db, queue.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/queues/{id:guid}", async (Guid id, QueueBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.Name, body.FirstResponseMinutes, body.AutoAssign, body.IsDefault, body.MemberIds), ct)))
            .RequireAuthorization(Policies.Configure);
}
