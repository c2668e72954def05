using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;

namespace CareDesk.Api.Features.Conversations;

/// <summary>An agent takes a conversation; of two racing agents exactly one wins, the other gets 409.</summary>
public static class ClaimConversation
{
    public sealed record Command(Guid Id, Actor Actor) : IRequest<ConversationSummary>;

    public sealed class Handler(CareDeskDbContext db, ConversationChanges changes) : IRequestHandler<Command, ConversationSummary>
    {
        public async Task<ConversationSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await ConversationAccess.LoadForChangeAsync(db, command.Id, command.Actor, cancellationToken);
            if (conversation.Status == ConversationStatus.Resolved)
                throw new ConflictException("The conversation is resolved.");
            if (conversation.AssigneeId == command.Actor.UserId)
                return await ConversationSummary.LoadAsync(db, conversation.Id, cancellationToken);

            await ConversationAccess.TakeOrEnsureHolderAsync(db, conversation, command.Actor, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await changes.Announce(conversation.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversations/{id:guid}/claim", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Agent);
}
