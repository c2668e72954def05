using CareDesk.Data.Entities;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>Turns a mention / reply / quote notification into a normalized mention.</summary>
public static class BlueskyMentions
{
    public static readonly string[] Reasons = ["mention", "reply", "quote"];

    /// <returns>Null when the notification is not about a post (nothing to ingest).</returns>
    public static IncomingMention? From(Notification notification, long followers)
    {
        if (!Reasons.Contains(notification.Reason) || ReadPost(notification.Record) is not { } post)
            return null;
        var author = notification.Author;
        return new IncomingMention(
            notification.Uri,
            post.Reply is null ? MentionKind.Post : MentionKind.Comment,
            BlueskyRichText.PlainText(post.Text, post.Facets),
            (post.CreatedAt ?? notification.IndexedAt).ToUniversalTime(),
            new MentionAuthor(author.Did, "@" + author.Handle, string.IsNullOrWhiteSpace(author.DisplayName) ? author.Handle : author.DisplayName,
                (int)Math.Clamp(followers, 0, int.MaxValue)),
            post.Reply?.Root.Uri ?? notification.Uri,
            post.Reply?.Parent.Uri,
            Permalink(notification.Uri),
            post.Langs?.FirstOrDefault());
    }
}
