using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.CannedResponses;

public static class ListCannedResponses
{
    public sealed record Query : IRequest<List<CannedResponseView>>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<CannedResponseView>>
    {
        public Task<List<CannedResponseView>> Handle(Query query, CancellationToken cancellationToken) =>
            db.CannedResponses.AsNoTracking()
                .OrderBy(c => c.Shortcut)
                .Select(c => new CannedResponseView(c.Id, c.Shortcut, c.Title, c.Text))
                .ToListAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/canned-responses", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .RequireAuthorization(Policies.AnyRole);
}
