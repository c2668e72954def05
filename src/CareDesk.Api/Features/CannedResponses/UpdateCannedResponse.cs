using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.CannedResponses;

public static class UpdateCannedResponse
{
    public sealed record Command(Guid Id, string? Shortcut, string? Title, string? Text) : IRequest<CannedResponseView>, ICannedResponseFields;

    public sealed class Validator : CannedResponseFieldsValidator<Command>;

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Command, CannedResponseView>
    {
        public async Task<CannedResponseView> Handle(Command command, CancellationToken cancellationToken)
        {
            var response = await db.CannedResponses.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("The canned response");
            await CannedResponseChanges.SaveAsync(db, response, command, cancellationToken);
            return new CannedResponseView(response.Id, response.Shortcut, response.Title, response.Text);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/canned-responses/{id:guid}", async (Guid id, CannedResponseBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.Shortcut, body.Title, body.Text), ct)))
            .RequireAuthorization(Policies.Configure);
}
