using CareDesk.Api.Infrastructure;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Api.Features.Auth;

public static class Login
{
    public sealed record Command(string? Email, string? Password) : IRequest<Result?>;

    public sealed record Result(string AccessToken, int ExpiresIn, UserView User);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
            RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
        }
    }

    public sealed class Handler(UserManager<AppUser> users, TokenIssuer tokens) : IRequestHandler<Command, Result?>
    {
        public async Task<Result?> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email!);
            if (user is null || await users.IsLockedOutAsync(user))
                return null;
            if (!await users.CheckPasswordAsync(user, command.Password!))
            {
                await users.AccessFailedAsync(user);
                return null;
            }
            await users.ResetAccessFailedCountAsync(user);
            var roles = await users.GetRolesAsync(user);
            var (token, expiresIn) = tokens.Issue(user, roles);
            return new Result(token, expiresIn, new UserView(user.Id, user.Name, user.Email!, roles.Order().ToList()));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/login", async Task<IResult> (Command command, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(command, ct) is { } result
                    ? TypedResults.Ok(result)
                    : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong email or password."))
            .AllowAnonymous();
}
