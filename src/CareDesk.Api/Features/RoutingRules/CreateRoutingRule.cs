using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;

namespace CareDesk.Api.Features.RoutingRules;

/// <summary>Adds a rule at the given order (position), or last when none is given.</summary>
public static class CreateRoutingRule
{
    public sealed record Command(
        int? Order, string? Name, Guid? ChannelId, IReadOnlyList<string>? Keywords, string? Intent,
        double? SentimentBelow, int? FollowersAbove, string? Language, Guid? QueueId, Priority? Priority)
        : IRequest<RoutingRuleView>, IRoutingRuleFields
    {
        public static Command From(RoutingRuleBody b) =>
            new(b.Order, b.Name, b.ChannelId, b.Keywords, b.Intent, b.SentimentBelow, b.FollowersAbove, b.Language, b.QueueId, b.Priority);
    }

    public sealed class Validator(CareDeskDbContext db) : RoutingRuleFieldsValidator<Command>(db);

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, RoutingRuleView>
    {
        public async Task<RoutingRuleView> Handle(Command command, CancellationToken cancellationToken)
        {
            var rule = new RoutingRule { Id = Guid.NewGuid() };
            RoutingRuleChanges.Apply(rule, command);
            await RoutingRuleOrder.PlaceAsync(db, rule, command.Order ?? int.MaxValue, cancellationToken);
            db.RoutingRules.Add(rule);
            await db.SaveChangesAsync(cancellationToken);
            return RoutingRuleView.From(rule);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/routing-rules", async (RoutingRuleBody body, IMediator mediator, CancellationToken ct) =>
            {
                var rule = await mediator.Send(Command.From(body), ct);
                return TypedResults.Created($"/api/routing-rules/{rule.Id}", rule);
            })
            .RequireAuthorization(Policies.Configure);
}
