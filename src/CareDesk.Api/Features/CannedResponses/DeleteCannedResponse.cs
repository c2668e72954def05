using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.CannedResponses;

public static class DeleteCannedResponse
{
    public sealed record Command(Guid Id) : IRequest<Unit>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var response = await db.CannedResponses.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("The canned response");
            db.CannedResponses.Remove(response);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/canned-responses/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Configure);
}
