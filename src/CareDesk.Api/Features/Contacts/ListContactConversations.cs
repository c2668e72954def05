using System.Security.Claims;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Contacts;

/// <summary>A contact's history: every conversation with them that the agent may see, newest first.</summary>
public static class ListContactConversations
{
    public sealed record Query(Guid ContactId, Actor Actor) : IRequest<List<ConversationSummary>>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<ConversationSummary>>
    {
        public Task<List<ConversationSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            db.Conversations.AsNoTracking()
                .Where(c => c.ContactId == query.ContactId).VisibleTo(db, query.Actor)
                .OrderByDescending(c => c.LastMessageAt)
                .Take(100)
                .Select(ConversationSummary.Projection)
                .ToListAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/contacts/{id:guid}/conversations", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(id, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Agent);
}
