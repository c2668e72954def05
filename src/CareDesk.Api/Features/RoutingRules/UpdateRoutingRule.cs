using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.RoutingRules;

/// <summary>Replaces a rule's conditions and target; an order moves it there, no order keeps its place.</summary>
public static class UpdateRoutingRule
{
    public sealed record Command(
        Guid Id, int? Order, string? Name, Guid? ChannelId, IReadOnlyList<string>? Keywords, string? Intent,
        double? SentimentBelow, int? FollowersAbove, string? Language, Guid? QueueId, Priority? Priority)
        : IRequest<RoutingRuleView>, IRoutingRuleFields
    {
        public static Command From(Guid id, RoutingRuleBody b) =>
            new(id, b.Order, b.Name, b.ChannelId, b.Keywords, b.Intent, b.SentimentBelow, b.FollowersAbove, b.Language, b.QueueId, b.Priority);
    }

    public sealed class Validator(CareDeskDbContext db) : RoutingRuleFieldsValidator<Command>(db);

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, RoutingRuleView>
    {
        public async Task<RoutingRuleView> Handle(Command command, CancellationToken cancellationToken)
        {
            var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("The routing rule");
            RoutingRuleChanges.Apply(rule, command);
            if (command.Order is { } order)
                await RoutingRuleOrder.PlaceAsync(db, rule, order, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return RoutingRuleView.From(rule);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/routing-rules/{id:guid}", async (Guid id, RoutingRuleBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(Command.From(id, body), ct)))
            .RequireAuthorization(Policies.Configure);
}
