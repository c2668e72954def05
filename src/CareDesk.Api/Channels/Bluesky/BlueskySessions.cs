using System.Collections.Concurrent;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>
/// The logged-in session of each Bluesky channel, shared by its reader and its reply sender: createSession is rate
/// limited (per account, per day), so a session is reused and refreshed rather than created per call.
/// </summary>
public sealed class BlueskySessions
{
    private readonly ConcurrentDictionary<Guid, Session> sessions = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> locks = new();

    public Session? Current(Guid channelId) => sessions.GetValueOrDefault(channelId);

    public void Store(Guid channelId, Session session) => sessions[channelId] = session;

    public void Forget(Guid channelId) => sessions.TryRemove(channelId, out _);

    /// <summary>One login or refresh per channel at a time: a refresh token is single-use.</summary>
    public SemaphoreSlim LockFor(Guid channelId) => locks.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
}
