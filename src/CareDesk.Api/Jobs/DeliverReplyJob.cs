using CareDesk.Api.Features.Delivery;
using Hangfire;
using MediatR;

namespace CareDesk.Api.Jobs;

/// <summary>The worker for one delivery attempt. Retries are scheduled by the handler from the outbox row, not by Hangfire.</summary>
public sealed class DeliverReplyJob(IMediator mediator)
{
    [AutomaticRetry(Attempts = 0)]
    public Task Run(Guid replyId, CancellationToken cancellationToken) => mediator.Send(new DeliverReply.Command(replyId), cancellationToken);
}
