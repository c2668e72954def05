using System.Collections.Concurrent;

namespace CareDesk.Api.Hubs;

/// <summary>The hub connections this instance holds, so its heartbeat can keep their rows fresh.</summary>
public sealed class LocalHubConnections
{
    private readonly ConcurrentDictionary<string, byte> connections = new();

    public void Add(string connectionId) => connections.TryAdd(connectionId, 0);

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyList<string> Snapshot() => connections.Keys.ToList();
}
