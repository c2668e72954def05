using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Leads;

/// <summary>Moves a lead through new → contacted → qualified → won / lost (or dismisses a flagged signal), keeping its history.</summary>
public static class ChangeLeadStatus
{
    public sealed record Body(LeadStatus? Status, decimal? Value, string? Note);

    public sealed record Command(Guid LeadId, LeadStatus? Status, decimal? Value, string? Note, string UserId) : IRequest<LeadView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).NotNull().NotEqual(LeadStatus.Flagged).WithMessage("Status must be new, contacted, qualified, won, lost or dismissed.");
            RuleFor(c => c.Value).GreaterThanOrEqualTo(0);
            RuleFor(c => c.Note).MaximumLength(2000);
        }
    }

    public sealed class Handler(CareDeskDbContext db, TimeProvider clock) : IRequestHandler<Command, LeadView>
    {
        public async Task<LeadView> Handle(Command command, CancellationToken cancellationToken)
        {
            var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == command.LeadId, cancellationToken)
                ?? throw new NotFoundException("The lead");
            var now = clock.GetUtcNow().UtcDateTime;
            lead.Status = command.Status!.Value;
            lead.Value = command.Value ?? lead.Value;
            lead.UpdatedAt = now;
            db.LeadHistory.Add(new LeadHistoryEntry
            {
                Id = Guid.NewGuid(), LeadId = lead.Id, Status = lead.Status, Value = lead.Value, Note = command.Note, UserId = command.UserId, At = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            return await LeadView.LoadAsync(db, lead.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/leads/{id:guid}/status", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.Status, body.Value, body.Note, user.UserId()), ct)))
            .RequireAuthorization(Policies.Sales);
}
