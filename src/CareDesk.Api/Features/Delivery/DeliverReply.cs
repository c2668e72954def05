using CareDesk.Api.Channels;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Hubs;
using CareDesk.Api.Jobs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Features.Delivery;

/// <summary>
/// One delivery attempt of a queued reply: lease the outbox row, publish through the channel's reply sender,
/// record sent / failed, or schedule the next attempt with backoff. Each state change is pushed.
/// </summary>
public static class DeliverReply
{
    public sealed record Command(Guid ReplyId) : IRequest<Unit>;

    public sealed class Handler(
        CareDeskDbContext db,
        IEnumerable<IReplySender> senders,
        ChannelSecrets secrets,
        InboxPublisher publisher,
        IBackgroundJobClient jobs,
        IOptions<DeliveryOptions> options,
        TimeProvider clock,
        ILogger<Handler> logger) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var leaseUntil = now + options.Value.Lease;
            var leased = await db.Messages
                .Where(m => m.Id == command.ReplyId && m.DeliveryStatus == DeliveryStatus.Queued && m.NextAttemptAt <= now
                    && (m.DeliveryLeaseUntil == null || m.DeliveryLeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveryLeaseUntil, leaseUntil), cancellationToken);
            if (leased == 0)
            {
                // Already sent or failed, or being sent by another worker: nothing to do. But Hangfire may run a
                // scheduled retry a little before the row is due (its schedule keeps whole seconds); that attempt is
                // put off to the due time rather than left to the next outbox sweep.
                var notYetDue = await db.Messages.AsNoTracking()
                    .Where(m => m.Id == command.ReplyId && m.DeliveryStatus == DeliveryStatus.Queued && m.NextAttemptAt > now)
                    .Select(m => m.NextAttemptAt)
                    .FirstOrDefaultAsync(cancellationToken);
                if (notYetDue is { } dueAt)
                    jobs.Schedule<DeliverReplyJob>(job => job.Run(command.ReplyId, CancellationToken.None), dueAt - now);
                return Unit.Value;
            }

            var reply = await db.Messages.SingleAsync(m => m.Id == command.ReplyId, cancellationToken);
            var result = await Send(reply, cancellationToken);
            reply.DeliveryAttempts++;
            reply.DeliveryLeaseUntil = null;
            TimeSpan? retryIn = null;
            switch (result)
            {
                case ReplyResult.Sent sent:
                    reply.DeliveryStatus = DeliveryStatus.Sent;
                    reply.DeliveryError = null;
                    reply.PlatformMessageId = sent.PlatformMessageId;
                    reply.Permalink = sent.Permalink;
                    break;
                case ReplyResult.Failed { Transient: true } failed when reply.DeliveryAttempts < options.Value.MaxAttempts:
                    retryIn = failed.RetryAfter ?? Backoff(reply.DeliveryAttempts);
                    reply.DeliveryError = $"Attempt {reply.DeliveryAttempts} failed: {failed.Error} Retrying.";
                    reply.NextAttemptAt = clock.GetUtcNow().UtcDateTime + retryIn;
                    break;
                case ReplyResult.Failed failed:
                    reply.DeliveryStatus = DeliveryStatus.Failed;
                    reply.DeliveryError = failed.Transient ? $"Gave up after {reply.DeliveryAttempts} attempts: {failed.Error}" : failed.Error;
                    break;
            }
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Reply {ReplyId} attempt {Attempt}: {Status}", reply.Id, reply.DeliveryAttempts, reply.DeliveryStatus);

            if (retryIn is { } delay)
                jobs.Schedule<DeliverReplyJob>(job => job.Run(reply.Id, CancellationToken.None), delay);
            var summary = await ConversationSummary.LoadAsync(db, reply.ConversationId, cancellationToken);
            await publisher.ReplyStatusChanged(summary, await MessageView.LoadAsync(db, reply.Id, cancellationToken), cancellationToken);
            return Unit.Value;
        }

        private async Task<ReplyResult> Send(Message reply, CancellationToken ct)
        {
            var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == reply.ChannelId, ct);
            var sender = senders.FirstOrDefault(s => s.ChannelType == channel.Type);
            if (sender is null)
                return new ReplyResult.Failed($"Channels of type {channel.Type} cannot publish replies.", Transient: false);

            var conversation = await db.Conversations.AsNoTracking().Include(c => c.Contact).SingleAsync(c => c.Id == reply.ConversationId, ct);
            var answered = await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == reply.ConversationId && m.Kind == MessageKind.Mention && m.CreatedAt <= reply.CreatedAt)
                .OrderByDescending(m => m.CreatedAt)
                .Select(m => new { m.PlatformMessageId, m.MentionKind })
                .FirstOrDefaultAsync(ct);
            var outgoing = new OutgoingReply(
                reply.Id, channel, secrets.Unprotect(channel.ProtectedSecret), ChannelSettings.Read(channel.SettingsJson),
                conversation.Id, conversation.ThreadId, answered?.PlatformMessageId, answered?.MentionKind, conversation.Contact, reply.Text);
            return await sender.SendAsync(outgoing, ct);
        }

        private TimeSpan Backoff(int attempts)
        {
            var doubling = options.Value.FirstRetryDelay * Math.Pow(2, attempts - 1);
            return doubling * (0.8 + Random.Shared.NextDouble() * 0.4);
        }
    }
}
