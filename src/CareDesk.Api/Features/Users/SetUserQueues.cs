using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Users;

/// <summary>
/// Puts an agent or supervisor in exactly these queues.
/// An agent who is connected right now joins the new queues' hub groups only on its next connection. That is
/// acceptable because the groups carry nothing but live pushes: the conversation list, the conversation view and
/// GET /api/events all check membership in the database on every request, so the agent sees the new queues at
/// the next refresh and a reconnecting client catches up on what it missed.
/// </summary>
public static class SetUserQueues
{
    public sealed record Body(IReadOnlyList<Guid>? QueueIds);

    public sealed record Command(string UserId, IReadOnlyList<Guid>? QueueIds) : IRequest<UserAccountView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(CareDeskDbContext db) =>
            RuleFor(c => c.QueueIds).Cascade(CascadeMode.Stop)
                .NotNull()
                .MustAsync(async (ids, ct) => await db.Queues.CountAsync(q => ids!.Contains(q.Id), ct) == ids!.Distinct().Count())
                .WithMessage("queueIds must name existing queues.");
    }

    public sealed class Handler(CareDeskDbContext db, UserManager<AppUser> users) : IRequestHandler<Command, UserAccountView>
    {
        public async Task<UserAccountView> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException("The user");
            if (!QueueWorkers.WorksQueues(await users.GetRolesAsync(user)))
                throw new ConflictException("Only agents and supervisors work queues.");

            var wanted = command.QueueIds!.ToHashSet();
            var memberships = await db.QueueMembers.Where(m => m.UserId == user.Id).ToListAsync(cancellationToken);
            db.QueueMembers.RemoveRange(memberships.Where(m => !wanted.Contains(m.QueueId)));
            db.QueueMembers.AddRange(wanted.Except(memberships.Select(m => m.QueueId)).Select(queueId => new QueueMember { QueueId = queueId, UserId = user.Id }));
            await db.SaveChangesAsync(cancellationToken);
            return await UserAccountView.LoadAsync(db, user.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/users/{id}/queues", async (string id, Body body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.QueueIds), ct)))
            .RequireAuthorization(Policies.Configure);
}
