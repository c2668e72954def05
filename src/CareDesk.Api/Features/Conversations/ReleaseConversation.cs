using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;

namespace CareDesk.Api.Features.Conversations;

/// <summary>The holder (or a supervisor) gives a conversation back to its queue.</summary>
public static class ReleaseConversation
{
    public sealed record Command(Guid Id, Actor Actor) : IRequest<ConversationSummary>;

    public sealed class Handler(CareDeskDbContext db, ConversationChanges changes) : IRequestHandler<Command, ConversationSummary>
    {
        public async Task<ConversationSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await ConversationAccess.LoadForChangeAsync(db, command.Id, command.Actor, cancellationToken);
            if (conversation.AssigneeId is null)
                return await ConversationSummary.LoadAsync(db, conversation.Id, cancellationToken);
            if (conversation.AssigneeId != command.Actor.UserId && !command.Actor.IsSupervisor)
                throw new ForbiddenException("Only the holder or a supervisor can release this conversation.");

            conversation.AssigneeId = null;
            await db.SaveChangesAsync(cancellationToken);
            return await changes.Announce(conversation.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversations/{id:guid}/release", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Agent);
}
