using System.Text.Json;
using static CareDesk.Api.Channels.Meta.MetaPayloads;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// Reads a webhook body into events, item by item: every entry, every change, every messaging event. Events by the
/// channel's own Page or Instagram account are recognized and skipped, with the reason.
/// </summary>
public sealed class MetaEventReader(string pageId, string? instagramAccountId, DateTime receivedAt)
{
    private static readonly HashSet<string> PostItems = ["post", "status", "photo", "video"];
    private static readonly HashSet<string> RemovalVerbs = ["remove", "delete", "hide"];
    private static readonly HashSet<string> EditVerbs = ["edited", "edit"];

    /// <exception cref="JsonException">The body is not a Meta webhook envelope.</exception>
    public List<MetaEvent> Read(Envelope envelope)
    {
        var events = new List<MetaEvent>();
        foreach (var entry in envelope.Entry ?? [])
        {
            var notifiedAt = MetaTime.FromUnix(entry.Time) ?? receivedAt;
            var isInstagram = envelope.Object == "instagram";
            if (envelope.Object is not ("page" or "instagram"))
            {
                events.Add(new MetaEvent.Skipped($"object \"{envelope.Object}\" is not one CareDesk subscribes to", notifiedAt));
                continue;
            }
            foreach (var change in entry.Changes ?? [])
                events.Add(ReadChange(change, entry, isInstagram, notifiedAt));
            foreach (var messaging in entry.Messaging ?? [])
                events.Add(ReadMessaging(messaging, entry, isInstagram ? MetaSurface.InstagramDirect : MetaSurface.Messenger, notifiedAt));
        }
        // Meta may deliver a customer's messages out of order after a failure; an edit must follow its message.
        return events.OrderBy(e => e.At).ToList();
    }

    private MetaEvent ReadChange(Change change, Entry entry, bool isInstagram, DateTime notifiedAt) => (isInstagram, change.Field) switch
    {
        (false, "feed") => ReadFeed(Value<FeedChange>(change), entry, notifiedAt),
        (true, "comments" or "live_comments") => ReadInstagramComment(Value<InstagramComment>(change), entry, notifiedAt),
        (true, "mentions") => ReadInstagramMention(Value<InstagramMention>(change), entry, notifiedAt),
        _ => new MetaEvent.Skipped($"field \"{change.Field}\" is not one CareDesk handles", notifiedAt),
    };

    private MetaEvent ReadFeed(FeedChange feed, Entry entry, DateTime notifiedAt)
    {
        var at = MetaTime.FromUnix(feed.CreatedTime) ?? notifiedAt;
        var isComment = feed.Item == "comment";
        if (!isComment && !PostItems.Contains(feed.Item ?? ""))
            return new MetaEvent.Skipped($"feed item \"{feed.Item}\" ({feed.Verb}) is not a post or comment", at);
        var id = isComment ? feed.CommentId : feed.PostId;
        if (string.IsNullOrEmpty(id))
            return new MetaEvent.Skipped($"feed {feed.Item} without an id", at);
        if (RemovalVerbs.Contains(feed.Verb ?? ""))
            return new MetaEvent.Delete(id, at);
        if (IsOwn(feed.From?.Id, entry))
            return new MetaEvent.Skipped($"our own Page's {feed.Item} ({feed.Verb})", at);

        var mention = new MetaEvent.Mention(isComment ? FacebookComment(feed, id, at) : FacebookPost(feed, id, at), MetaProfileSource.None);
        return feed.Verb switch
        {
            "add" => mention,
            _ when EditVerbs.Contains(feed.Verb ?? "") => new MetaEvent.Edit(id, mention.Incoming.Text, at, mention),
            _ => new MetaEvent.Skipped($"feed {feed.Item} verb \"{feed.Verb}\" changes nothing CareDesk shows", at),
        };
    }

    private static IncomingMention FacebookComment(FeedChange feed, string commentId, DateTime at)
    {
        // A reply to a comment belongs to the comment it answers; a top-level comment starts its own thread, so
        // different customers under one busy Page post are different conversations.
        var topLevel = feed.ParentId is { } parent && parent != feed.PostId ? parent : commentId;
        return new IncomingMention(
            commentId, MentionKind.Comment, FacebookText(feed), at, FacebookAuthor(feed.From, commentId),
            new MetaThread(MetaSurface.FacebookComment, topLevel).ToString(), feed.ParentId ?? feed.PostId, feed.Post?.PermalinkUrl);
    }

    private static IncomingMention FacebookPost(FeedChange feed, string postId, DateTime at) => new(
        postId, MentionKind.Post, FacebookText(feed), at, FacebookAuthor(feed.From, postId),
        new MetaThread(MetaSurface.FacebookPost, postId).ToString(), Url: feed.Post?.PermalinkUrl ?? $"https://www.facebook.com/{postId}");

    private static string FacebookText(FeedChange feed) =>
        feed.Message ?? (feed.Photo is { } photo ? $"[photo] {photo}" : "");

    // Without the Page Public Content Access feature Meta omits who wrote a comment; such authors stay apart, one per item.
    private static MentionAuthor FacebookAuthor(Actor? from, string itemId) =>
        from?.Id is { Length: > 0 } id
            ? new MentionAuthor(id, "", from.Name ?? "", 0)
            : new MentionAuthor($"anonymous:{itemId}", "", "Facebook user", 0);

    private MetaEvent ReadInstagramComment(InstagramComment comment, Entry entry, DateTime notifiedAt)
    {
        if (string.IsNullOrEmpty(comment.Id))
            return new MetaEvent.Skipped("Instagram comment without an id", notifiedAt);
        if (IsOwn(comment.From?.Id, entry))
            return new MetaEvent.Skipped("our own Instagram comment", notifiedAt);
        var username = comment.From?.Username ?? "";
        var author = comment.From?.Id is { Length: > 0 } authorId
            ? new MentionAuthor(authorId, username, username, 0)
            : new MentionAuthor($"anonymous:{comment.Id}", username, username, 0);
        var mention = new IncomingMention(
            comment.Id, MentionKind.Comment, comment.Text ?? "", notifiedAt, author,
            new MetaThread(MetaSurface.InstagramComment, comment.ParentId ?? comment.Id).ToString(), comment.ParentId ?? comment.Media?.Id);
        return new MetaEvent.Mention(mention, MetaProfileSource.Instagram);
    }

    private MetaEvent ReadInstagramMention(InstagramMention mention, Entry entry, DateTime notifiedAt)
    {
        var accountId = entry.Id ?? instagramAccountId;
        if (string.IsNullOrEmpty(mention.MediaId) || string.IsNullOrEmpty(accountId))
            return new MetaEvent.Skipped("Instagram mention without a media id", notifiedAt);
        return new MetaEvent.InstagramMentionLookup(accountId, mention.MediaId, mention.CommentId, notifiedAt);
    }

    private MetaEvent ReadMessaging(Messaging messaging, Entry entry, MetaSurface surface, DateTime notifiedAt)
    {
        var at = MetaTime.FromUnix(messaging.Timestamp) ?? notifiedAt;
        var senderId = messaging.Sender?.Id;
        var network = surface == MetaSurface.Messenger ? "Messenger" : "Instagram";
        if (messaging.Message is { } message)
        {
            if (message.IsEcho == true || IsOwn(senderId, entry))
                return new MetaEvent.Skipped($"echo of our own {network} message", at);
            if (string.IsNullOrEmpty(message.Mid))
                return new MetaEvent.Skipped($"{network} message without an id", at);
            if (message.IsDeleted == true)
                return new MetaEvent.Delete(message.Mid, at);
            if (message.IsUnsupported == true)
                return new MetaEvent.Skipped($"{network} message of a type Meta does not pass to apps", at);
            var text = message.Text ?? AttachmentsText(message.Attachments);
            if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(senderId))
                return new MetaEvent.Skipped($"{network} message without text, attachments or sender", at);
            return DirectMention(message.Mid, text, at, senderId, surface);
        }
        if (messaging.MessageEdit is { Mid.Length: > 0 } edit)
        {
            if (IsOwn(senderId, entry))
                return new MetaEvent.Skipped($"edit of our own {network} message", at);
            var text = edit.Text ?? "";
            return new MetaEvent.Edit(edit.Mid, text, at, string.IsNullOrEmpty(senderId) ? null : DirectMention(edit.Mid, text, at, senderId, surface));
        }
        var what = messaging.Reaction is not null ? "reaction"
            : messaging.Delivery is not null ? "delivery receipt"
            : messaging.Read is not null ? "read receipt"
            : messaging.Postback is not null ? "postback"
            : "event";
        return new MetaEvent.Skipped($"{network} {what}", at);
    }

    private static MetaEvent.Mention DirectMention(string mid, string text, DateTime at, string senderId, MetaSurface surface) => new(
        new IncomingMention(mid, MentionKind.Direct, text, at, new MentionAuthor(senderId, "", "", 0), new MetaThread(surface, senderId).ToString()),
        surface == MetaSurface.Messenger ? MetaProfileSource.Messenger : MetaProfileSource.Instagram);

    private static string AttachmentsText(List<Attachment>? attachments) =>
        string.Join("\n", (attachments ?? []).Select(a => $"[{a.Type ?? "attachment"}] {a.Payload?.Url}".TrimEnd()));

    private bool IsOwn(string? authorId, Entry entry) =>
        authorId is not null && (authorId == pageId || authorId == instagramAccountId || authorId == entry.Id);

    private static T Value<T>(Change change) =>
        change.Value.Deserialize<T>(Json) ?? throw new JsonException($"The {change.Field} change has no value.");
}
