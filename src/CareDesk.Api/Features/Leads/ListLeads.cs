using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;

namespace CareDesk.Api.Features.Leads;

public static class ListLeads
{
    public sealed record Query(string? Status) : IRequest<List<LeadView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Status).Must(s => Enum.TryParse<LeadStatus>(s, ignoreCase: true, out _))
                .When(q => !string.IsNullOrEmpty(q.Status)).WithMessage("status must be flagged, new, contacted, qualified, won, lost or dismissed.");
    }

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<LeadView>>
    {
        public Task<List<LeadView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var leads = db.Leads.AsQueryable();
            if (Enum.TryParse<LeadStatus>(query.Status, ignoreCase: true, out var status))
                leads = leads.Where(l => l.Status == status);
            return LeadView.ListAsync(db, leads.OrderByDescending(l => l.CreatedAt).Take(500), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/leads", async (string? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(status), ct)))
            .RequireAuthorization(Policies.Sales);
}
