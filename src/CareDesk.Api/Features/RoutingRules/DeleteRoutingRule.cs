using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.RoutingRules;

public static class DeleteRoutingRule
{
    public sealed record Command(Guid Id) : IRequest<Unit>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("The routing rule");
            db.RoutingRules.Remove(rule);
            await RoutingRuleOrder.CloseGapAsync(db, rule.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/routing-rules/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Configure);
}
