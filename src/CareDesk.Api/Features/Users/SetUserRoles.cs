using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Users;

/// <summary>
/// Replaces a user's roles. Roles travel in the access token, so the user gets the new ones at the next sign-in.
/// A user who no longer works queues leaves them, and the desk always keeps one admin.
/// </summary>
public static class SetUserRoles
{
    public sealed record Body(IReadOnlyList<string>? Roles);

    public sealed record Command(string UserId, IReadOnlyList<string>? Roles) : IRequest<UserAccountView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Roles).ValidRoles();
    }

    public sealed class Handler(CareDeskDbContext db, UserManager<AppUser> users) : IRequestHandler<Command, UserAccountView>
    {
        public async Task<UserAccountView> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException("The user");
            var wanted = command.Roles!.Distinct().ToList();
            var current = await users.GetRolesAsync(user);
            if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
                throw new ConflictException("The last admin cannot lose the Admin role.");

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Ensure(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            Ensure(await users.AddToRolesAsync(user, wanted.Except(current)));
            if (!QueueWorkers.WorksQueues(wanted))
                await db.QueueMembers.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return await UserAccountView.LoadAsync(db, user.Id, cancellationToken);
        }

        private static void Ensure(IdentityResult result)
        {
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/users/{id}/roles", async (string id, Body body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.Roles), ct)))
            .RequireAuthorization(Policies.Admin);
}
