using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;

namespace CareDesk.Api.Features.RoutingRules;

public static class ListRoutingRules
{
    public sealed record Query : IRequest<List<RoutingRuleView>>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<RoutingRuleView>>
    {
        public Task<List<RoutingRuleView>> Handle(Query query, CancellationToken cancellationToken) => RoutingRuleView.ListAsync(db, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/routing-rules", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .RequireAuthorization(Policies.Configure);
}
