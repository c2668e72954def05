using System.Security.Claims;
using CareDesk.Api.Hubs;
using CareDesk.Api.Infrastructure;
using CareDesk.Api.Jobs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Conversations;

/// <summary>Sends a failed reply again, with a fresh set of attempts.</summary>
public static class RetryReply
{
    public sealed record Command(Guid ConversationId, Guid ReplyId, Actor Actor) : IRequest<SendReply.Result>;

    public sealed class Handler(CareDeskDbContext db, InboxPublisher publisher, IBackgroundJobClient jobs, TimeProvider clock)
        : IRequestHandler<Command, SendReply.Result>
    {
        public async Task<SendReply.Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await ConversationAccess.LoadForChangeAsync(db, command.ConversationId, command.Actor, cancellationToken);
            var reply = await db.Messages.SingleOrDefaultAsync(
                m => m.Id == command.ReplyId && m.ConversationId == conversation.Id && m.Kind == MessageKind.Reply, cancellationToken)
                ?? throw new NotFoundException("The reply");
            if (reply.DeliveryStatus != DeliveryStatus.Failed)
                throw new ConflictException($"Only a failed reply can be sent again; this one is {reply.DeliveryStatus?.ToString().ToLowerInvariant()}.");

            reply.DeliveryStatus = DeliveryStatus.Queued;
            reply.DeliveryAttempts = 0;
            reply.DeliveryError = null;
            reply.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);

            var summary = await ConversationSummary.LoadAsync(db, conversation.Id, cancellationToken);
            await publisher.ReplyStatusChanged(summary, await MessageView.LoadAsync(db, reply.Id, cancellationToken), cancellationToken);
            // After the "queued" push, so that a fast delivery's "sent" comes after it (see SendReply).
            jobs.Enqueue<DeliverReplyJob>(job => job.Run(reply.Id, CancellationToken.None));
            return new SendReply.Result(reply.Id, DeliveryStatus.Queued);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversations/{id:guid}/replies/{replyId:guid}/retry",
                async (Guid id, Guid replyId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Accepted($"/api/conversations/{id}", await mediator.Send(new Command(id, replyId, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Agent);
}
