using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;

namespace CareDesk.Api.Features.CannedResponses;

public static class CreateCannedResponse
{
    public sealed record Command(string? Shortcut, string? Title, string? Text) : IRequest<CannedResponseView>, ICannedResponseFields;

    public sealed class Validator : CannedResponseFieldsValidator<Command>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, CannedResponseView>
    {
        public async Task<CannedResponseView> Handle(Command command, CancellationToken cancellationToken)
        {
            var response = new CannedResponse { Id = Guid.NewGuid() };
            db.CannedResponses.Add(response);
            await CannedResponseChanges.SaveAsync(db, response, command, cancellationToken);
            return new CannedResponseView(response.Id, response.Shortcut, response.Title, response.Text);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/canned-responses", async (Command command, IMediator mediator, CancellationToken ct) =>
            {
                var response = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/canned-responses/{response.Id}", response);
            })
            .RequireAuthorization(Policies.Configure);
}
