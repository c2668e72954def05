using CareDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Hubs;

/// <summary>
/// Keeps this instance's connection rows fresh and removes rows nobody refreshed, so agents of an instance
/// that died do not stay "online" forever.
/// </summary>
public sealed class HubConnectionHeartbeat(IServiceScopeFactory scopes, LocalHubConnections local, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(95);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var mine = local.Snapshot();
            if (mine.Count > 0)
                await db.HubConnections.Where(c => mine.Contains(c.ConnectionId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.SeenAt, now), stoppingToken);
            var expired = now - Expiry;
            await db.HubConnections.Where(c => c.SeenAt < expired).ExecuteDeleteAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
