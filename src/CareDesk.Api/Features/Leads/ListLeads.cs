using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;

namespace CareDesk.Api.Features.Leads;

public static class ListLeads
{
    public sealed record Query(LeadStatus? Status) : IRequest<List<LeadView>>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<LeadView>>
    {
        public Task<List<LeadView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var leads = db.Leads.AsQueryable();
            if (query.Status is { } status)
                leads = leads.Where(l => l.Status == status);
            return LeadView.ListAsync(db, leads.OrderByDescending(l => l.CreatedAt).Take(500), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/leads", async (string? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(QueryEnum.Parse<LeadStatus>(status, "status")), ct)))
            .RequireAuthorization(Policies.Sales);
}
