using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>The parts of the AT Protocol / Bluesky lexicons CareDesk reads and writes.</summary>
public static class BlueskyPayloads
{
    public const string PostCollection = "app.bsky.feed.post";
    public const string MentionFeature = "app.bsky.richtext.facet#mention";
    public const string LinkFeature = "app.bsky.richtext.facet#link";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>com.atproto.server.createSession / refreshSession output.</summary>
    public sealed record Session(string AccessJwt, string RefreshJwt, string Did, string Handle);

    public sealed record XrpcError(string? Error, string? Message);

    /// <summary>app.bsky.notification.listNotifications output.</summary>
    public sealed record NotificationPage(string? Cursor, List<Notification> Notifications);

    public sealed record Notification(string Uri, string Cid, ProfileView Author, string Reason, JsonElement Record, DateTime IndexedAt);

    public sealed record ProfileView(string Did, string Handle, string? DisplayName, long? FollowersCount);

    public sealed record ProfilesPage(List<ProfileView> Profiles);

    public sealed record PostsPage(List<PostView> Posts);

    public sealed record PostView(string Uri, string Cid, ProfileView Author, JsonElement Record);

    /// <summary>app.bsky.feed.post.</summary>
    public sealed record PostRecord(
        [property: JsonPropertyName("$type")] string? Type,
        string Text,
        DateTime? CreatedAt,
        List<Facet>? Facets = null,
        ReplyRef? Reply = null,
        List<string>? Langs = null);

    public sealed record ReplyRef(StrongRef Root, StrongRef Parent);

    /// <summary>com.atproto.repo.strongRef.</summary>
    public sealed record StrongRef(string Uri, string Cid);

    /// <summary>app.bsky.richtext.facet: the index is a UTF-8 byte range, start inclusive, end exclusive.</summary>
    public sealed record Facet(ByteSlice Index, List<FacetFeature> Features);

    public sealed record ByteSlice(int ByteStart, int ByteEnd);

    public sealed record FacetFeature([property: JsonPropertyName("$type")] string Type, string? Did = null, string? Uri = null, string? Tag = null);

    public sealed record CreateRecordInput(string Repo, string Collection, string Rkey, PostRecord Record);

    /// <summary>com.atproto.repo.createRecord and getRecord output.</summary>
    public sealed record RecordRef(string Uri, string Cid);

    public static PostRecord? ReadPost(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("$type", out var type) && type.GetString() == PostCollection
            ? record.Deserialize<PostRecord>(Json)
            : null;

    /// <summary>https://bsky.app/profile/{did}/post/{rkey}, the web app's permalink of a post.</summary>
    public static string Permalink(string atUri)
    {
        var parts = atUri["at://".Length..].Split('/');
        return $"https://bsky.app/profile/{parts[0]}/post/{parts[^1]}";
    }
}
