using System.Text.Json;
using CareDesk.Api.Features.Ingest;
using CareDesk.Data;
using Microsoft.Extensions.Options;
using static CareDesk.Api.Channels.Mastodon.MastodonPayloads;

namespace CareDesk.Api.Channels.Mastodon;

/// <summary>
/// Follows each Mastodon channel's mentions. On every (re)connect it first polls the mention notifications from the
/// stored cursor, then follows the user stream for speed while polling on as the safety net. Only polling moves the
/// cursor, strictly in notification order and after each ingest: a streamed event can overtake one the stream
/// missed, so it is ingested at once but never advances the cursor past a gap.
/// </summary>
public sealed class MastodonReader(IServiceScopeFactory scopes, IOptions<MastodonOptions> options, TimeProvider clock, ILogger<MastodonReader> logger)
    : PullChannelService(scopes, options.Value, logger)
{
    protected override string ChannelType => MastodonConnector.ChannelType;

    protected override async Task ReadChannelAsync(ChannelConfig channel, PullSession session, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<MastodonClient>();
        var ourAccountId = channel.Setting(MastodonConnector.AccountId) ?? (await client.VerifyCredentialsAsync(channel, ct)).Id;
        var reading = new Reading(channel, session, client, ourAccountId, channel.Channel.Cursor, options.Value, clock, logger);

        await reading.PollAsync(ct);
        await session.MarkConnectedAsync(ct);

        using var stopStreaming = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var streaming = options.Value.Streaming
            ? StreamAsync(reading, scope.ServiceProvider.GetRequiredService<MastodonStream>(), stopStreaming.Token)
            : Task.CompletedTask;
        try
        {
            while (true)
            {
                await reading.PollRequested.WaitAsync(options.Value.PollInterval, ct);
                await reading.PollAsync(ct);
            }
        }
        finally
        {
            await stopStreaming.CancelAsync();
            await streaming;
        }
    }

    /// <summary>Keeps the stream up while polling goes on; a stream that fails only slows mentions down to the poll interval.</summary>
    private async Task StreamAsync(Reading reading, MastodonStream stream, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var streamingBase = await reading.Client.StreamingBaseAsync(reading.Channel, ct);
                var events = stream.ReadAsync(reading.Channel, streamingBase, () =>
                {
                    failures = 0;
                    reading.RequestPoll();
                    return Task.CompletedTask;
                }, ct);
                await foreach (var item in events)
                    await reading.HandleStreamEventAsync(item, ct);
                failures++;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                failures++;
                logger.LogInformation(exception, "Mastodon stream of channel {ChannelId} is down; polling continues.", reading.Channel.Id);
                await reading.Session.RecordProblemAsync($"Streaming unavailable ({exception.Message}); polling every {options.Value.PollInterval}.", ct);
            }
            try
            {
                await Task.Delay(Backoff(Math.Max(failures, 1)), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed class Reading(
        ChannelConfig channel, PullSession session, MastodonClient client, string ourAccountId, string? cursor,
        MastodonOptions options, TimeProvider clock, ILogger logger)
    {
        private const string BeforeAnyId = "0";

        public ChannelConfig Channel => channel;

        public PullSession Session => session;

        public MastodonClient Client => client;

        public SemaphoreSlim PollRequested { get; } = new(0);

        public void RequestPoll()
        {
            if (PollRequested.CurrentCount == 0)
                PollRequested.Release();
        }

        /// <summary>Ingests every mention notification after the cursor, oldest first, saving the cursor after each.</summary>
        public async Task PollAsync(CancellationToken ct)
        {
            while (true)
            {
                var firstEver = cursor is null;
                var page = await client.ListMentionsAsync(channel, cursor, options.PageSize, ct);
                foreach (var notification in page.OrderBy(n => n.Id, NotificationIdOrder.Instance))
                {
                    if (notification is { Type: "mention", Status: not null })
                        await IngestAsync(notification.Status, ct);
                    cursor = notification.Id;
                    await session.SaveCursorAsync(cursor, ct);
                }
                if (firstEver && page.Count == 0)
                {
                    // No mentions yet: every later one is new, so start from the very beginning.
                    cursor = BeforeAnyId;
                    await session.SaveCursorAsync(cursor, ct);
                }
                // A new channel starts from its latest page of mentions rather than its whole history.
                if (firstEver || page.Count < options.PageSize)
                    return;
            }
        }

        public async Task HandleStreamEventAsync(MastodonStream.StreamEvent item, CancellationToken ct)
        {
            switch (item.Event)
            {
                case "notification":
                    var notification = JsonSerializer.Deserialize<Notification>(item.Data, Json)!;
                    if (notification is { Type: "mention", Status: not null })
                    {
                        await IngestAsync(notification.Status, ct);
                        RequestPoll();
                    }
                    break;
                case "status.update":
                    var edited = JsonSerializer.Deserialize<Status>(item.Data, Json)!;
                    if (edited.Account.Id != ourAccountId)
                        await session.SendAsync(new EditMention.Command(channel.Id, edited.Id, MastodonMentions.Text(edited), edited.EditedAt ?? clock.GetUtcNow().UtcDateTime), ct);
                    break;
                case "delete":
                    await session.SendAsync(new DeleteMention.Command(channel.Id, item.Data.Trim(), clock.GetUtcNow().UtcDateTime), ct);
                    break;
            }
        }

        private async Task IngestAsync(Status status, CancellationToken ct)
        {
            if (status.Account.Id == ourAccountId)
            {
                logger.LogDebug("Skipped our own status {StatusId} on channel {ChannelId}.", status.Id, channel.Id);
                return;
            }
            var threadId = await session.InScopeAsync(services =>
                MastodonMentions.FindThreadAsync(services.GetRequiredService<CareDeskDbContext>(), channel.Id, status, ct));
            var result = await session.SendAsync(new IngestMention.Command(channel.Id, MastodonMentions.From(status, threadId)), ct);
            if (result.Duplicate && status.EditedAt is { } editedAt)
                await session.SendAsync(new EditMention.Command(channel.Id, status.Id, MastodonMentions.Text(status), editedAt), ct);
        }
    }

    /// <summary>Mastodon ids are strings, in practice growing numbers: shorter is older, then ordinal order.</summary>
    private sealed class NotificationIdOrder : IComparer<string>
    {
        public static readonly NotificationIdOrder Instance = new();

        public int Compare(string? x, string? y) =>
            x?.Length != y?.Length ? (x?.Length ?? 0).CompareTo(y?.Length ?? 0) : string.CompareOrdinal(x, y);
    }
}
