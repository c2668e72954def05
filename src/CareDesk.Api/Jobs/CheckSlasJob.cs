using CareDesk.Api.Features.Sla;
using MediatR;

namespace CareDesk.Api.Jobs;

public sealed class CheckSlasJob(IMediator mediator)
{
    public const string Id = "check-slas";

    public Task Run(CancellationToken cancellationToken) => mediator.Send(new CheckSlas.Command(), cancellationToken);
}
