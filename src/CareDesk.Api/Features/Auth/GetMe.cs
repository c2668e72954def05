using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Api.Features.Auth;

public static class GetMe
{
    public sealed record Query(string UserId) : IRequest<UserView>;

    public sealed class Handler(UserManager<AppUser> users) : IRequestHandler<Query, UserView>
    {
        public async Task<UserView> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(query.UserId) ?? throw new NotFoundException("The user");
            var roles = await users.GetRolesAsync(user);
            return new UserView(user.Id, user.Name, user.Email!, roles.Order().ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(user.UserId()), ct)))
            .RequireAuthorization(Policies.AnyRole);
}
