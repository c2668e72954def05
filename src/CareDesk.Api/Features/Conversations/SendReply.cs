using System.Security.Claims;
using CareDesk.Api.Hubs;
using CareDesk.Api.Infrastructure;
using CareDesk.Api.Jobs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using Hangfire;
using MediatR;

namespace CareDesk.Api.Features.Conversations;

/// <summary>
/// An agent answers. The reply is stored first, as the outbox row, and a background job publishes it; the
/// first reply stops the SLA clock.
/// </summary>
public static class SendReply
{
    public sealed record Body(string? Text);

    public sealed record Command(Guid ConversationId, string? Text, Actor Actor) : IRequest<Result>;

    public sealed record Result(Guid ReplyId, DeliveryStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(10000);
    }

    public sealed class Handler(CareDeskDbContext db, ConversationChanges changes, InboxPublisher publisher, IBackgroundJobClient jobs, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await ConversationAccess.LoadForChangeAsync(db, command.ConversationId, command.Actor, cancellationToken);
            if (conversation.Status == ConversationStatus.Resolved)
                throw new ConflictException("The conversation is resolved.");
            await ConversationAccess.TakeOrEnsureHolderAsync(db, conversation, command.Actor, cancellationToken);

            var now = clock.GetUtcNow().UtcDateTime;
            var reply = new Message
            {
                Id = Guid.NewGuid(),
                ConversationId = conversation.Id,
                ChannelId = conversation.ChannelId,
                Kind = MessageKind.Reply,
                Text = command.Text!,
                CreatedAt = now,
                AuthorUserId = command.Actor.UserId,
                DeliveryStatus = DeliveryStatus.Queued,
                NextAttemptAt = now,
            };
            db.Messages.Add(reply);
            if (conversation.FirstResponseAt is null)
            {
                conversation.FirstResponseAt = now;
                conversation.SlaState = conversation.SlaDueAt is { } due && now > due ? SlaState.Breached : SlaState.Met;
            }
            conversation.Status = ConversationStatus.Pending;
            await db.SaveChangesAsync(cancellationToken);

            var summary = await changes.Announce(conversation.Id, cancellationToken);
            await publisher.ReplyStatusChanged(summary, await MessageView.LoadAsync(db, reply.Id, cancellationToken), cancellationToken);
            // Only now: a fast delivery must not push "sent" before this "queued", or clients would end on "queued".
            jobs.Enqueue<DeliverReplyJob>(job => job.Run(reply.Id, CancellationToken.None));
            return new Result(reply.Id, DeliveryStatus.Queued);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversations/{id:guid}/replies", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/conversations/{id}", await mediator.Send(new Command(id, body.Text, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Agent);
}
