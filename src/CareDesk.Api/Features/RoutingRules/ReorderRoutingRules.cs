using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.RoutingRules;

/// <summary>Sets the order in which rules are tried: each rule's order becomes its position in the list.</summary>
public static class ReorderRoutingRules
{
    public sealed record Command(IReadOnlyList<Guid>? Ids) : IRequest<List<RoutingRuleView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(CareDeskDbContext db) =>
            RuleFor(c => c.Ids).Cascade(CascadeMode.Stop)
                .NotNull()
                .MustAsync(async (ids, ct) =>
                {
                    var all = await db.RoutingRules.Select(r => r.Id).ToListAsync(ct);
                    return ids!.Count == all.Count && all.ToHashSet().SetEquals(ids);
                })
                .WithMessage("ids must list every routing rule exactly once.");
    }

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, List<RoutingRuleView>>
    {
        public async Task<List<RoutingRuleView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var rules = await db.RoutingRules.ToDictionaryAsync(r => r.Id, cancellationToken);
            var listed = command.Ids!.Where(rules.ContainsKey).Select(id => rules[id]).ToList();
            // A rule added since validation was not in the caller's list; it keeps its relative place at the end.
            var added = rules.Values.Except(listed).OrderBy(r => r.Order);
            RoutingRuleOrder.Renumber(listed.Concat(added));
            await db.SaveChangesAsync(cancellationToken);
            return await RoutingRuleView.ListAsync(db, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/routing-rules/order", async (Command command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization(Policies.Configure);
}
