using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Api.Features.Users;

/// <summary>An admin adds a user with a password and roles; Identity's own rules (password strength, unique email) answer as 400s.</summary>
public static class CreateUser
{
    public sealed record Command(string? Name, string? Email, string? Password, IReadOnlyList<string>? Roles, int? Capacity) : IRequest<UserAccountView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
            RuleFor(c => c.Password).NotEmpty();
            RuleFor(c => c.Roles).ValidRoles();
            RuleFor(c => c.Capacity).InclusiveBetween(0, 1000);
        }
    }

    public sealed class Handler(CareDeskDbContext db, UserManager<AppUser> users) : IRequestHandler<Command, UserAccountView>
    {
        public async Task<UserAccountView> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email!.Trim();
            var user = new AppUser { UserName = email, Email = email, Name = command.Name!.Trim(), EmailConfirmed = true };
            if (command.Capacity is { } capacity)
                user.Capacity = capacity;

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(user, command.Password!);
            if (!created.Succeeded)
                throw new ValidationException(created.Errors.Select(ToFailure));
            var roled = await users.AddToRolesAsync(user, command.Roles!.Distinct());
            if (!roled.Succeeded)
                throw new InvalidOperationException(string.Join(" ", roled.Errors.Select(e => e.Description)));
            await transaction.CommitAsync(cancellationToken);
            return await UserAccountView.LoadAsync(db, user.Id, cancellationToken);
        }

        // The user name is the email, so every non-password complaint of Identity is about the email.
        private static ValidationFailure ToFailure(IdentityError error) =>
            new(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Command.Password) : nameof(Command.Email), error.Description);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/users", async (Command command, IMediator mediator, CancellationToken ct) =>
            {
                var user = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/users/{user.Id}", user);
            })
            .RequireAuthorization(Policies.Admin);
}
