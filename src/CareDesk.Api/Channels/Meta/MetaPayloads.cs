using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// The webhook shapes Meta documents for Pages (<c>feed</c>), Messenger and Instagram (<c>comments</c>, <c>mentions</c>,
/// messaging), reduced to the fields CareDesk reads. Everything is optional: Meta adds and omits fields freely.
/// </summary>
public static class MetaPayloads
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public sealed record Envelope(string? Object, List<Entry>? Entry);

    /// <param name="Time">When Meta sent the notification: seconds for <c>changes</c>, milliseconds for <c>messaging</c>.</param>
    public sealed record Entry(string? Id, long? Time, List<Change>? Changes, List<Messaging>? Messaging);

    public sealed record Change(string? Field, JsonElement Value);

    public sealed record Actor(string? Id, string? Name, string? Username);

    /// <summary>A Page <c>feed</c> change: a post, comment, reaction... added, edited or removed.</summary>
    public sealed record FeedChange(
        string? Item, string? Verb, string? PostId, string? CommentId, string? ParentId, Actor? From, string? Message,
        string? Photo, long? CreatedTime, FeedPost? Post);

    public sealed record FeedPost(string? Id, string? PermalinkUrl);

    /// <summary>An Instagram <c>comments</c> / <c>live_comments</c> change.</summary>
    public sealed record InstagramComment(string? Id, string? ParentId, string? Text, Actor? From, InstagramMedia? Media);

    public sealed record InstagramMedia(string? Id, string? MediaProductType);

    /// <summary>An Instagram <c>mentions</c> change: only ids; the text has to be fetched.</summary>
    public sealed record InstagramMention(string? CommentId, string? MediaId);

    /// <summary>One Messenger / Instagram messaging event: a message, an edit, or a reaction, delivery or read receipt.</summary>
    public sealed record Messaging(
        Actor? Sender, Actor? Recipient, long? Timestamp, Message? Message, MessageEdit? MessageEdit,
        JsonElement? Reaction, JsonElement? Delivery, JsonElement? Read, JsonElement? Postback);

    public sealed record Message(
        string? Mid, string? Text, bool? IsEcho, bool? IsDeleted, bool? IsUnsupported, List<Attachment>? Attachments);

    public sealed record Attachment(string? Type, AttachmentPayload? Payload);

    public sealed record AttachmentPayload(string? Url);

    public sealed record MessageEdit(string? Mid, string? Text);
}
