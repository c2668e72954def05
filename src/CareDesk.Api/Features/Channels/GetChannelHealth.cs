using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Features.Channels;

/// <summary>
/// Whether each channel is alive, for supervisors: its last event, last error, stream state, and whether it has gone
/// quiet (no event for longer than <see cref="ChannelHealthOptions.QuietAfter"/>; a platform that stopped delivering
/// webhooks says nothing, so silence is the signal).
/// </summary>
public static class GetChannelHealth
{
    public sealed record Query : IRequest<List<ChannelHealth>>;

    public sealed record ChannelHealth(
        Guid Id, string Type, string Name, DateTime? LastEventAt, string? LastError, DateTime? LastErrorAt, bool? Connected, bool Quiet);

    public sealed class Handler(CareDeskDbContext db, IOptions<ChannelHealthOptions> options, TimeProvider clock) : IRequestHandler<Query, List<ChannelHealth>>
    {
        public async Task<List<ChannelHealth>> Handle(Query query, CancellationToken cancellationToken)
        {
            var quietSince = clock.GetUtcNow().UtcDateTime - options.Value.QuietAfter;
            return await db.Channels.AsNoTracking()
                .OrderBy(c => c.Name)
                .Select(c => new ChannelHealth(
                    c.Id, c.Type, c.Name, c.LastEventAt, c.LastError, c.LastErrorAt, c.Connected,
                    (c.LastEventAt ?? c.CreatedAt) < quietSince))
                .ToListAsync(cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/channels/health", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .RequireAuthorization(Policies.Configure);
}
