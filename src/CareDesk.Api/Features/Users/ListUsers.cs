using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;

namespace CareDesk.Api.Features.Users;

public static class ListUsers
{
    public sealed record Query : IRequest<List<UserAccountView>>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<UserAccountView>>
    {
        public Task<List<UserAccountView>> Handle(Query query, CancellationToken cancellationToken) => UserAccountView.ListAsync(db, db.Users, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/users", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .RequireAuthorization(Policies.Configure);
}
