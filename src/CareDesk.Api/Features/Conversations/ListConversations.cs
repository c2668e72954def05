using System.Globalization;
using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Conversations;

/// <summary>The inbox list: newest activity first, filtered by status, queue and assignee, paged by cursor.</summary>
public static class ListConversations
{
    public sealed record Query(Actor Actor, ConversationStatus? Status, Guid? QueueId, string? Assignee, string? Cursor, int Limit) : IRequest<Page>;

    public sealed record Page(IReadOnlyList<ConversationSummary> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Cursor).Must(c => Cursor.TryParse(c, out _)).When(q => q.Cursor is not null).WithMessage("cursor is not one this API gave out.");
        }
    }

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, Page>
    {
        public async Task<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            var conversations = db.Conversations.AsNoTracking().VisibleTo(db, query.Actor);
            if (query.Status is { } status)
                conversations = conversations.Where(c => c.Status == status);
            if (query.QueueId is { } queueId)
                conversations = conversations.Where(c => c.QueueId == queueId);
            conversations = query.Assignee switch
            {
                null or "" => conversations,
                "me" => conversations.Where(c => c.AssigneeId == query.Actor.UserId),
                "unassigned" => conversations.Where(c => c.AssigneeId == null),
                var userId => conversations.Where(c => c.AssigneeId == userId),
            };
            if (query.Cursor is not null && Cursor.TryParse(query.Cursor, out var after))
                conversations = conversations.Where(c => c.LastMessageAt < after.LastMessageAt || (c.LastMessageAt == after.LastMessageAt && c.Id.CompareTo(after.Id) < 0));

            var items = await conversations
                .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
                .Take(query.Limit + 1)
                .Select(ConversationSummary.Projection)
                .ToListAsync(cancellationToken);
            var next = items.Count > query.Limit ? Cursor.Format(items[query.Limit - 1]) : null;
            return new Page(items.Take(query.Limit).ToList(), next);
        }
    }

    private sealed record Cursor(DateTime LastMessageAt, Guid Id)
    {
        public static string Format(ConversationSummary last) =>
            $"{last.LastMessageAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{last.Id:N}";

        public static bool TryParse(string? text, out Cursor cursor)
        {
            cursor = null!;
            var parts = text?.Split('_');
            if (parts is not { Length: 2 } || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(parts[1], out var id)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
                return false;
            cursor = new Cursor(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/conversations", async (string? status, Guid? queueId, string? assignee, string? cursor, int? limit,
                ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new Query(Actor.From(user), QueryEnum.Parse<ConversationStatus>(status, "status"), queueId, assignee, cursor, limit ?? 50), ct)))
            .RequireAuthorization(Policies.Agent);
}
