using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;

namespace CareDesk.Api.Features.Queues;

public static class CreateQueue
{
    public sealed record Command(string? Name, int? FirstResponseMinutes, AutoAssign? AutoAssign, bool? IsDefault, IReadOnlyList<string>? MemberIds)
        : IRequest<QueueView>, IQueueFields;

    public sealed class Validator(CareDeskDbContext db) : QueueFieldsValidator<Command>(db);

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, QueueView>
    {
        public async Task<QueueView> Handle(Command command, CancellationToken cancellationToken)
        {
            var queue = new Queue { Id = Guid.NewGuid() };
            await QueueChanges.ApplyAsync(db, queue, command, cancellationToken);
            db.Queues.Add(queue);
            await db.SaveChangesAsync(cancellationToken);
            return await QueueView.LoadAsync(db, queue.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/queues", async (QueueBody body, IMediator mediator, CancellationToken ct) =>
            {
                var queue = await mediator.Send(new Command(body.Name, body.FirstResponseMinutes, body.AutoAssign, body.IsDefault, body.MemberIds), ct);
                return TypedResults.Created($"/api/queues/{queue.Id}", queue);
            })
            .RequireAuthorization(Policies.Configure);
}
