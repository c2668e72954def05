using System.Text.Json;

namespace CareDesk.Api.Channels.Mastodon;

/// <summary>The parts of Mastodon's entities CareDesk reads and writes (docs.joinmastodon.org/entities). Ids are strings.</summary>
public static class MastodonPayloads
{
    /// <summary>Mastodon's JSON is snake_case.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record Account(string Id, string? Username, string? Acct, string? DisplayName, string? Url, long? FollowersCount);

    public sealed record Notification(string Id, string Type, DateTime? CreatedAt, Account? Account, Status? Status);

    public sealed record Status(
        string Id,
        DateTime CreatedAt,
        DateTime? EditedAt,
        string? InReplyToId,
        string? SpoilerText,
        string? Visibility,
        string? Language,
        string? Uri,
        string? Url,
        string? Content,
        Account Account);

    public sealed record Instance(InstanceConfiguration? Configuration);

    public sealed record InstanceConfiguration(InstanceUrls? Urls);

    public sealed record InstanceUrls(string? Streaming);

    public sealed record ErrorBody(string? Error);

    public sealed record NewStatus(string Status, string? InReplyToId, string? Visibility);
}
