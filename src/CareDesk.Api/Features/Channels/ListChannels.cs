using System.Text.Json.Nodes;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Channels;

public static class ListChannels
{
    public sealed record Query : IRequest<List<ChannelView>>;

    /// <summary>A channel without its secrets, with its health: last event, last error, stream connected.</summary>
    public sealed record ChannelView(
        Guid Id, string Type, string Name, string Key, string WebhookUrl, JsonObject Settings,
        DateTime CreatedAt, DateTime? LastEventAt, string? LastError, DateTime? LastErrorAt, bool? Connected);

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<ChannelView>>
    {
        public async Task<List<ChannelView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
            return channels.Select(c => new ChannelView(
                c.Id, c.Type, c.Name, c.Key, CreateChannel.WebhookPath(c), JsonNode.Parse(c.SettingsJson)!.AsObject(),
                c.CreatedAt, c.LastEventAt, c.LastError, c.LastErrorAt, c.Connected)).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/channels", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .RequireAuthorization(Policies.Admin);
}
