using System.Globalization;
using System.Text.Json.Nodes;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.X;

/// <summary>What one X webhook delivery came to; <see cref="Revoked"/> when the account withdrew the app's access.</summary>
public sealed record XDelivery(IReadOnlyList<PlatformEvent> Events, bool Revoked);

/// <summary>
/// Turns an X webhook body into platform events. Two payload families arrive at the same URL: the X Activity API's
/// <c>{ "data": { "event_type", ... } }</c> and the older Account Activity API's <c>{ "for_user_id", "*_events": [...] }</c>.
/// </summary>
public static class XPayloads
{
    public const string OwnPost = "our own post";
    public const string OwnDirectMessage = "our own direct message";
    public const string Revocation = "the account revoked the app's access";

    /// <param name="accountId">Our account: its posts and messages are never ingested.</param>
    public static XDelivery Parse(JsonObject body, string accountId, DateTime receivedAt) =>
        body.Object("data") is { } data && data.String("event_type") is not null
            ? XActivityEvents.Parse(data, accountId, receivedAt)
            : XAccountActivity.Parse(body, accountId, receivedAt);

    /// <summary>A v2 post (X Activity API payload).</summary>
    public static PlatformEvent FromPost(JsonObject post, Func<string, JsonObject?> findUser, IReadOnlySet<string> ownIds, DateTime receivedAt)
    {
        var id = post.RequiredString("id", "The post");
        var authorId = post.RequiredString("author_id", $"Post {id}");
        if (ownIds.Contains(authorId))
            return new PlatformEvent.Skipped(OwnPost);
        var references = post.Objects("referenced_tweets").ToList();
        if (references.Any(r => r.String("type") == "retweeted"))
            return new PlatformEvent.Skipped("repost");

        var inReplyTo = post.String("in_reply_to_tweet_id") ?? references.FirstOrDefault(r => r.String("type") == "replied_to").String("id");
        var author = Author(findUser(authorId), authorId);
        // A long post's full text is in note_tweet; "text" holds only its first 280 characters.
        var text = post.Object("note_tweet").String("text") ?? post.String("text") ?? "";
        var createdAt = post.String("created_at") is { } created ? ParseIso(created, id) : receivedAt;
        // An edit is a new post whose history starts with the original: it edits the mention stored under that id.
        var originalId = post.Strings("edit_history_tweet_ids").FirstOrDefault() ?? id;
        var mention = new IncomingMention(
            originalId,
            inReplyTo is null ? MentionKind.Post : MentionKind.Comment,
            text,
            createdAt,
            author,
            ThreadId: post.String("conversation_id") ?? inReplyTo,
            ParentId: inReplyTo,
            Url: XConnector.Permalink(author.Handle, id),
            Language: Language(post.String("lang")));
        return originalId == id ? new PlatformEvent.Mention(mention) : new PlatformEvent.Edited(mention, createdAt);
    }

    /// <summary>Direct messages: the same shape in both APIs; the users map holds v1.1 users or v2 users wrapped in <c>data</c>.</summary>
    public static IEnumerable<PlatformEvent> FromDirectMessages(JsonObject container, IReadOnlySet<string> ownIds, DateTime receivedAt)
    {
        var users = container.Object("users");
        foreach (var message in container.Objects("direct_message_events"))
        {
            var type = message.String("type");
            if (type != "message_create")
            {
                yield return new PlatformEvent.Skipped($"direct message event {type}");
                continue;
            }
            var id = message.RequiredString("id", "A direct message event");
            var create = message.Object("message_create");
            var senderId = create.RequiredString("sender_id", $"Direct message {id}");
            if (ownIds.Contains(senderId))
            {
                yield return new PlatformEvent.Skipped(OwnDirectMessage);
                continue;
            }
            yield return new PlatformEvent.Mention(new IncomingMention(
                id,
                MentionKind.Direct,
                create.Object("message_data").String("text") ?? "",
                message.EpochMilliseconds("created_timestamp") ?? receivedAt,
                Author(users.Object(senderId), senderId),
                // A private chat is one thread per customer.
                ThreadId: senderId));
        }
    }

    /// <summary>A v1.1 user or a v2 user (either bare or wrapped in <c>data</c>); without one, the id stands in.</summary>
    public static MentionAuthor Author(JsonObject? user, string id)
    {
        user = user.Object("data") ?? user;
        if (user is null)
            return new MentionAuthor(id, "", id, 0);
        var handle = user.String("username") ?? user.String("screen_name") ?? "";
        var followers = user.Object("public_metrics") is { } metrics ? metrics.Count("followers_count") : user.Count("followers_count");
        return new MentionAuthor(id, handle, user.String("name") ?? handle, followers);
    }

    public static string? Language(string? lang) => lang is null or "und" ? null : lang;

    private static DateTime ParseIso(string text, string id) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new MalformedPayloadException($"Post {id} has an unreadable created_at: {text}.");
}
