using CareDesk.Api.Features.Delivery;
using MediatR;

namespace CareDesk.Api.Jobs;

public sealed class SweepOutboxJob(IMediator mediator)
{
    public const string Id = "sweep-outbox";

    public Task Run(CancellationToken cancellationToken) => mediator.Send(new SweepOutbox.Command(), cancellationToken);
}
