using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;

namespace CareDesk.Api.Features.Conversations;

/// <summary>A private note for colleagues; never published.</summary>
public static class AddNote
{
    public sealed record Body(string? Text);

    public sealed record Command(Guid ConversationId, string? Text, Actor Actor) : IRequest<MessageView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(10000);
    }

    public sealed class Handler(CareDeskDbContext db, ConversationChanges changes, TimeProvider clock) : IRequestHandler<Command, MessageView>
    {
        public async Task<MessageView> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await ConversationAccess.LoadForChangeAsync(db, command.ConversationId, command.Actor, cancellationToken);
            var note = new Message
            {
                Id = Guid.NewGuid(),
                ConversationId = conversation.Id,
                ChannelId = conversation.ChannelId,
                Kind = MessageKind.Note,
                Text = command.Text!,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                AuthorUserId = command.Actor.UserId,
            };
            db.Messages.Add(note);
            await db.SaveChangesAsync(cancellationToken);
            await changes.Announce(conversation.Id, cancellationToken);
            return await MessageView.LoadAsync(db, note.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversations/{id:guid}/notes", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var note = await mediator.Send(new Command(id, body.Text, Actor.From(user)), ct);
                return TypedResults.Created($"/api/conversations/{id}", note);
            })
            .RequireAuthorization(Policies.Agent);
}
