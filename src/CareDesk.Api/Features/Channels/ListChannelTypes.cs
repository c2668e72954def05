using CareDesk.Api.Channels;
using CareDesk.Api.Infrastructure;

namespace CareDesk.Api.Features.Channels;

/// <summary>The channel types this build can connect and the settings each needs, so the admin screen can ask for them.</summary>
public static class ListChannelTypes
{
    public sealed record ChannelTypeView(string Type, IReadOnlyList<ChannelSetting> Settings);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/channel-types", (IEnumerable<IChannelConnector> connectors) =>
                TypedResults.Ok(connectors.OrderBy(c => c.Type).Select(c => new ChannelTypeView(c.Type, c.Settings)).ToList()))
            .RequireAuthorization(Policies.Admin);
}
