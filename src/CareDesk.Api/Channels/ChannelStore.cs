using System.Text.Json.Nodes;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Channels;

/// <summary>Loads channels for connectors and records their health: last error, stream connected, resume cursor.</summary>
public sealed class ChannelStore(CareDeskDbContext db, ChannelSecrets secrets, TimeProvider clock)
{
    public async Task<ChannelConfig?> FindByKeyAsync(string type, string key, CancellationToken ct)
    {
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key && c.Type == type, ct);
        return channel is null ? null : Config(channel);
    }

    public async Task<ChannelConfig> LoadAsync(Guid id, CancellationToken ct) =>
        Config(await db.Channels.AsNoTracking().SingleAsync(c => c.Id == id, ct));

    public async Task<List<ChannelConfig>> ListByTypeAsync(string type, CancellationToken ct) =>
        (await db.Channels.AsNoTracking().Where(c => c.Type == type).ToListAsync(ct)).Select(Config).ToList();

    public Task RecordErrorAsync(Guid id, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = error.Length <= 2000 ? error : error[..2000];
        return db.Channels.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastError, text).SetProperty(c => c.LastErrorAt, now), ct);
    }

    public Task RecordConnectedAsync(Guid id, bool connected, CancellationToken ct) =>
        db.Channels.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Connected, connected), ct);

    public Task SaveCursorAsync(Guid id, string cursor, CancellationToken ct) =>
        db.Channels.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Cursor, cursor), ct);

    private ChannelConfig Config(Channel channel) =>
        new(channel, JsonNode.Parse(channel.SettingsJson)!.AsObject(), secrets.Unprotect(channel.ProtectedSecrets));
}
