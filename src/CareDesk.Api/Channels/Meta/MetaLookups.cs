using System.Globalization;
using System.Text.Json;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// What a webhook leaves out and the Graph API can tell: an author's name and follower count (best effort: the
/// webhook is stored without them when the lookup fails) and the text of an Instagram @mention (required).
/// </summary>
public sealed class MetaLookups(MetaGraphClient graph, ILogger<MetaLookups> logger)
{
    // Meta expects the webhook answered within seconds; a slow profile lookup must not hold it up.
    private static readonly TimeSpan ProfileBudget = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, MentionAuthor> known = [];

    public async Task<IncomingMention> WithProfileAsync(ChannelConfig channel, IncomingMention mention, MetaProfileSource source, CancellationToken ct)
    {
        if (source == MetaProfileSource.None || mention.Author.Id.StartsWith("anonymous:", StringComparison.Ordinal))
            return mention;
        if (!known.TryGetValue(mention.Author.Id, out var author))
        {
            author = await LookUpAsync(channel, mention.Author, source, ct);
            known[mention.Author.Id] = author;
        }
        return mention with { Author = author };
    }

    private async Task<MentionAuthor> LookUpAsync(ChannelConfig channel, MentionAuthor author, MetaProfileSource source, CancellationToken ct)
    {
        var fields = source == MetaProfileSource.Instagram ? "name,username,follower_count" : "first_name,last_name";
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(ProfileBudget);
        MetaGraphClient.Result result;
        try
        {
            result = await graph.GetAsync(channel, author.Id, new Dictionary<string, string> { ["fields"] = fields }, budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogInformation("Profile lookup of {AuthorId} on channel {ChannelId} timed out", author.Id, channel.Id);
            return author;
        }
        if (!result.Ok)
        {
            logger.LogInformation("Profile lookup of {AuthorId} on channel {ChannelId} failed: {Reason}", author.Id, channel.Id, result.Error!.Reason);
            return author;
        }

        var body = result.Body;
        var username = MetaGraphClient.Text(body, "username");
        var name = MetaGraphClient.Text(body, "name")
            ?? string.Join(" ", new[] { MetaGraphClient.Text(body, "first_name"), MetaGraphClient.Text(body, "last_name") }.Where(n => !string.IsNullOrEmpty(n)));
        var followers = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("follower_count", out var count) && count.TryGetInt32(out var n) && n >= 0 ? n : author.Followers;
        return new MentionAuthor(
            author.Id,
            string.IsNullOrEmpty(author.Handle) ? username ?? "" : author.Handle,
            string.IsNullOrEmpty(name) ? author.Name : name,
            followers);
    }

    /// <returns>The mention, or the reason it could not be fetched (the webhook then asks Meta to deliver it again).</returns>
    public async Task<(IncomingMention? Mention, string? Failure)> InstagramMentionAsync(ChannelConfig channel, MetaEvent.InstagramMentionLookup lookup, CancellationToken ct)
    {
        var isComment = lookup.CommentId is not null;
        var fields = isComment
            ? $"mentioned_comment.comment_id({lookup.CommentId}){{id,text,timestamp,username}}"
            : $"mentioned_media.media_id({lookup.MediaId}){{id,caption,timestamp,username,permalink}}";
        var result = await graph.GetAsync(channel, lookup.AccountId, new Dictionary<string, string> { ["fields"] = fields }, ct);
        if (!result.Ok)
            return (null, $"Could not fetch the Instagram @mention {lookup.CommentId ?? lookup.MediaId}: {result.Error!.Reason}");
        if (result.Body.ValueKind != JsonValueKind.Object
            || !result.Body.TryGetProperty(isComment ? "mentioned_comment" : "mentioned_media", out var found) || found.ValueKind != JsonValueKind.Object)
            return (null, $"The Graph API returned no Instagram @mention {lookup.CommentId ?? lookup.MediaId}.");

        var id = lookup.CommentId ?? lookup.MediaId;
        var username = MetaGraphClient.Text(found, "username");
        var createdAt = DateTimeOffset.TryParse(MetaGraphClient.Text(found, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime : lookup.NotifiedAt;
        // The mention API names the author only by username, when at all; an unnamed author stays apart per mention.
        var author = new MentionAuthor(username ?? $"anonymous:{id}", username ?? "", username ?? "Instagram user", 0);
        var threadKey = isComment ? $"{lookup.MediaId}/{lookup.CommentId}" : lookup.MediaId;
        return (new IncomingMention(
            id,
            isComment ? MentionKind.Comment : MentionKind.Post,
            MetaGraphClient.Text(found, isComment ? "text" : "caption") ?? "",
            createdAt,
            author,
            new MetaThread(MetaSurface.InstagramMention, threadKey).ToString(),
            isComment ? lookup.MediaId : null,
            MetaGraphClient.Text(found, "permalink")), null);
    }
}
