using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;

namespace CareDesk.Api.Features.Queues;

public static class ListQueues
{
    public sealed record Query : IRequest<List<QueueView>>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<QueueView>>
    {
        public Task<List<QueueView>> Handle(Query query, CancellationToken cancellationToken) => QueueView.ListAsync(db.Queues, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/queues", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .RequireAuthorization(Policies.AnyRole);
}
