using System.Globalization;
using CareDesk.Api.Features.Ingest;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>
/// Polls each Bluesky channel's notifications (mentions, replies, quotes). listNotifications pages from the newest
/// backwards, so a poll pages back until it reaches the stored position, then ingests what is newer oldest first,
/// saving the position after each ingest: a restart resumes exactly there, and a crash in between only replays.
/// </summary>
public sealed class BlueskyReader(IServiceScopeFactory scopes, IOptions<BlueskyOptions> options, TimeProvider clock, ILogger<BlueskyReader> logger)
    : PullChannelService(scopes, options.Value, logger)
{
    private const int ProfilesPerCall = 25;
    private const int PostsPerCall = 25;

    protected override string ChannelType => BlueskyConnector.ChannelType;

    protected override async Task ReadChannelAsync(ChannelConfig channel, PullSession session, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<BlueskyClient>();
        var ourDid = channel.Setting(BlueskyConnector.Did) ?? (await client.SessionAsync(channel, ct)).Did;
        var position = Position.Parse(channel.Channel.Cursor);

        position = await PollAsync(channel, session, client, ourDid, position, ct);
        await session.MarkConnectedAsync(ct);
        while (true)
        {
            await RecheckRecentAsync(channel, session, client, ct);
            await Task.Delay(options.Value.PollInterval, ct);
            position = await PollAsync(channel, session, client, ourDid, position, ct);
        }
    }

    /// <summary>Marks recent mentions whose post is gone as deleted, and takes over a changed text as an edit.</summary>
    private async Task RecheckRecentAsync(ChannelConfig channel, PullSession session, BlueskyClient client, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - options.Value.RecheckWindow;
        var recent = await session.InScopeAsync(services => services.GetRequiredService<CareDeskDbContext>().Messages.AsNoTracking()
            .Where(m => m.ChannelId == channel.Id && m.Kind == MessageKind.Mention && m.DeletedAt == null && m.CreatedAt > since && m.PlatformMessageId != null)
            .OrderByDescending(m => m.CreatedAt)
            .Take(PostsPerCall)
            .Select(m => new { Uri = m.PlatformMessageId!, m.Text })
            .ToListAsync(ct));
        if (recent.Count == 0)
            return;
        var existing = (await client.GetPostsAsync(channel, recent.Select(m => m.Uri).ToList(), ct)).ToDictionary(p => p.Uri);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var mention in recent)
        {
            if (!existing.TryGetValue(mention.Uri, out var post))
                await session.SendAsync(new DeleteMention.Command(channel.Id, mention.Uri, now), ct);
            else if (ReadPost(post.Record) is { } record && BlueskyRichText.PlainText(record.Text, record.Facets) is var text && text != mention.Text)
                await session.SendAsync(new EditMention.Command(channel.Id, mention.Uri, text, now), ct);
        }
    }

    private async Task<Position?> PollAsync(
        ChannelConfig channel, PullSession session, BlueskyClient client, string ourDid, Position? position, CancellationToken ct)
    {
        var fresh = await NewerThan(channel, client, position, ct);
        var followers = await FollowerCounts(channel, client, fresh.Where(n => n.Author.Did != ourDid).Select(n => n.Author.Did), ct);
        foreach (var notification in fresh)
        {
            var mention = notification.Author.Did == ourDid ? null : BlueskyMentions.From(notification, followers.GetValueOrDefault(notification.Author.Did));
            if (mention is not null)
                await session.SendAsync(new IngestMention.Command(channel.Id, mention), ct);
            position = new Position(notification.IndexedAt.ToUniversalTime(), notification.Uri);
            await session.SaveCursorAsync(position.ToString(), ct);
        }
        if (position is null)
        {
            // No notifications yet: every later one is new, so start from the very beginning.
            position = new Position(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), "");
            await session.SaveCursorAsync(position.ToString(), ct);
        }
        if (fresh.Count > 0)
            logger.LogInformation("Bluesky channel {ChannelId}: {Count} new notifications.", channel.Id, fresh.Count);
        return position;
    }

    /// <summary>The notifications after <paramref name="position"/>, oldest first; a new channel starts from its latest page.</summary>
    private async Task<List<Notification>> NewerThan(ChannelConfig channel, BlueskyClient client, Position? position, CancellationToken ct)
    {
        var fresh = new List<Notification>();
        string? page = null;
        while (true)
        {
            var result = await client.ListNotificationsAsync(channel, page, options.Value.PageSize, ct);
            var reachedOlder = false;
            foreach (var notification in result.Notifications)
            {
                if (position is not null && notification.IndexedAt.ToUniversalTime() < position.IndexedAt)
                {
                    reachedOlder = true;
                    break;
                }
                if (position is null || position.IsBefore(notification))
                    fresh.Add(notification);
            }
            if (reachedOlder || position is null || result.Cursor is null || result.Notifications.Count == 0)
                break;
            page = result.Cursor;
        }
        return fresh.DistinctBy(n => n.Uri).OrderBy(n => n.IndexedAt.ToUniversalTime()).ThenBy(n => n.Uri, StringComparer.Ordinal).ToList();
    }

    /// <summary>Notifications carry a basic profile without follower counts; the full profiles have them.</summary>
    private static async Task<Dictionary<string, long>> FollowerCounts(ChannelConfig channel, BlueskyClient client, IEnumerable<string> dids, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>();
        foreach (var chunk in dids.Distinct().Chunk(ProfilesPerCall))
            foreach (var profile in await client.GetProfilesAsync(channel, chunk, ct))
                counts[profile.Did] = profile.FollowersCount ?? 0;
        return counts;
    }

    /// <summary>The last ingested notification: notifications are ordered by (indexedAt, uri) to break ties.</summary>
    private sealed record Position(DateTime IndexedAt, string Uri)
    {
        public bool IsBefore(Notification notification)
        {
            var indexedAt = notification.IndexedAt.ToUniversalTime();
            return indexedAt > IndexedAt || indexedAt == IndexedAt && string.CompareOrdinal(notification.Uri, Uri) > 0;
        }

        public override string ToString() => $"{IndexedAt.ToString("O", CultureInfo.InvariantCulture)}|{Uri}";

        public static Position? Parse(string? cursor)
        {
            var separator = cursor?.IndexOf('|') ?? -1;
            if (separator < 0)
                return null;
            var indexedAt = DateTime.Parse(cursor![..separator], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return new Position(indexedAt, cursor[(separator + 1)..]);
        }
    }
}
