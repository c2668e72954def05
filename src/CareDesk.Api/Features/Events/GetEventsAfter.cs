using System.Security.Claims;
using System.Text.Json.Nodes;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Events;

/// <summary>What a reconnecting client missed: the logged inbox messages after its last sequence that it may see.</summary>
public static class GetEventsAfter
{
    public const int MaxEvents = 1000;

    public sealed record Query(long After, string UserId, IReadOnlyList<string> Roles, int Limit) : IRequest<Result>;

    public sealed record EventView(long Sequence, string Type, JsonNode Payload, DateTime CreatedAt);

    /// <param name="HasMore">True when more events follow; ask again after the last sequence returned.</param>
    public sealed record Result(IReadOnlyList<EventView> Events, long LastSequence, bool HasMore);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.After).GreaterThanOrEqualTo(0);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxEvents);
        }
    }

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var supervisor = query.Roles.Contains(Roles.Supervisor);
            var sales = query.Roles.Contains(Roles.Sales);
            var myQueues = db.QueueMembers.Where(m => m.UserId == query.UserId).Select(m => (Guid?)m.QueueId);
            var rows = await db.InboxEvents.AsNoTracking()
                .Where(e => e.Sequence > query.After)
                .Where(e => (e.ForSupervisors && supervisor) || (e.ForSales && sales) || e.ForUserId == query.UserId
                    || (e.ForQueueMembers && myQueues.Contains(e.QueueId)))
                .OrderBy(e => e.Sequence)
                .Take(query.Limit + 1)
                .ToListAsync(cancellationToken);
            var events = rows.Take(query.Limit).Select(e =>
            {
                var payload = JsonNode.Parse(e.PayloadJson)!;
                payload["sequence"] = e.Sequence;
                return new EventView(e.Sequence, e.Type, payload, e.CreatedAt);
            }).ToList();
            var last = await db.InboxEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            return new Result(events, last, rows.Count > query.Limit);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/events", async (long? after, int? limit, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(after ?? 0, user.UserId(), Roles.All.Where(user.IsInRole).ToList(), limit ?? MaxEvents), ct)))
            .RequireAuthorization(Policies.AnyRole);
}
