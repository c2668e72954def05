using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Conversations;

public static class GetConversation
{
    public sealed record Query(Guid Id, Actor Actor) : IRequest<ConversationDetail>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, ConversationDetail>
    {
        public async Task<ConversationDetail> Handle(Query query, CancellationToken cancellationToken)
        {
            var summary = await db.Conversations.AsNoTracking()
                .Where(c => c.Id == query.Id).VisibleTo(db, query.Actor)
                .Select(ConversationSummary.Projection)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The conversation");
            var messages = await MessageView.ListAsync(db, m => m.ConversationId == query.Id, cancellationToken);
            return new ConversationDetail(summary, messages);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/conversations/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(id, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Agent);
}
