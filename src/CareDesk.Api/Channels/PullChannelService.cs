using MediatR;

namespace CareDesk.Api.Channels;

/// <summary>
/// Runs one reader per channel of a pull connector's type: channels are re-read periodically so new ones start,
/// a failed reader is restarted with capped exponential backoff, and each channel's Connected / LastError are recorded.
/// With no channels of its type it only re-reads the (empty) list.
/// </summary>
public abstract class PullChannelService(IServiceScopeFactory scopes, PullConnectorOptions options, ILogger logger) : BackgroundService
{
    protected abstract string ChannelType { get; }

    /// <summary>
    /// Reads the channel's events until cancelled or until something fails (then it throws and is restarted).
    /// Must resume from the stored cursor each time it starts.
    /// </summary>
    protected abstract Task ReadChannelAsync(ChannelConfig channel, PullSession session, CancellationToken ct);

    protected IServiceScopeFactory Scopes => scopes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var readers = new Dictionary<Guid, (Task Task, CancellationTokenSource Stop)>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var ids = await ListChannelIds(stoppingToken);
                foreach (var id in ids.Where(id => !readers.ContainsKey(id)))
                {
                    var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    readers[id] = (KeepReadingAsync(id, stop.Token), stop);
                }
                foreach (var gone in readers.Keys.Where(id => !ids.Contains(id)).ToList())
                {
                    await readers[gone].Stop.CancelAsync();
                    await readers[gone].Task;
                    readers[gone].Stop.Dispose();
                    readers.Remove(gone);
                }
                await Task.Delay(options.ChannelRefreshInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var reader in readers.Values)
                await reader.Stop.CancelAsync();
            await Task.WhenAll(readers.Values.Select(r => r.Task));
            foreach (var reader in readers.Values)
                reader.Stop.Dispose();
        }
    }

    private async Task<HashSet<Guid>> ListChannelIds(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var channels = await scope.ServiceProvider.GetRequiredService<ChannelStore>().ListByTypeAsync(ChannelType, ct);
            return channels.Select(c => c.Id).ToHashSet();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not list {Type} channels; trying again later.", ChannelType);
            return [];
        }
    }

    private async Task KeepReadingAsync(Guid channelId, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var session = new PullSession(channelId, scopes);
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var channel = await scope.ServiceProvider.GetRequiredService<ChannelStore>().LoadAsync(channelId, ct);
                    await ReadChannelAsync(channel, session, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The {Type} reader of channel {ChannelId} failed; reconnecting.", ChannelType, channelId);
                await RecordFailure(channelId, exception);
            }

            failures = session.WasConnected ? 1 : failures + 1;
            try
            {
                await Task.Delay(Backoff(failures), ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await RecordDisconnected(channelId);
    }

    /// <summary>Capped exponential backoff with jitter: the wait after the <paramref name="failures"/>-th failure in a row.</summary>
    protected TimeSpan Backoff(int failures)
    {
        var doubled = options.FirstRetryDelay * Math.Pow(2, Math.Min(failures - 1, 20));
        var capped = doubled < options.MaxRetryDelay ? doubled : options.MaxRetryDelay;
        return capped * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

    private async Task RecordFailure(Guid channelId, Exception exception)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ChannelStore>();
            await store.RecordErrorAsync(channelId, exception.Message, CancellationToken.None);
            await store.RecordConnectedAsync(channelId, false, CancellationToken.None);
        }
        catch (Exception recording)
        {
            logger.LogWarning(recording, "Could not record the failure of channel {ChannelId}.", channelId);
        }
    }

    private async Task RecordDisconnected(Guid channelId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ChannelStore>().RecordConnectedAsync(channelId, false, CancellationToken.None);
        }
        catch (Exception recording)
        {
            // Shutting down: the database may already be gone; the next start records the state afresh.
            logger.LogDebug(recording, "Could not record channel {ChannelId} as disconnected.", channelId);
        }
    }
}

/// <summary>What a channel reader reports while it runs: connected, problems that do not stop it, its resume cursor.</summary>
public sealed class PullSession(Guid channelId, IServiceScopeFactory scopes)
{
    public Guid ChannelId => channelId;

    /// <summary>Set once the reader has caught up with the platform; a later failure then starts backoff afresh.</summary>
    public bool WasConnected { get; private set; }

    public async Task MarkConnectedAsync(CancellationToken ct)
    {
        WasConnected = true;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChannelStore>().RecordConnectedAsync(channelId, true, ct);
    }

    public async Task RecordProblemAsync(string error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChannelStore>().RecordErrorAsync(channelId, error, ct);
    }

    /// <summary>Call only after the events up to the cursor are ingested: a crash then replays them instead of skipping them.</summary>
    public async Task SaveCursorAsync(string cursor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChannelStore>().SaveCursorAsync(channelId, cursor, ct);
    }

    public async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
    }

    /// <summary>Runs a piece of work with services of its own scope (a database query, a typed platform client).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
