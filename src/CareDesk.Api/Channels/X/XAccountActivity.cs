using System.Globalization;
using System.Text.Json.Nodes;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.X;

/// <summary>The Account Activity API (AAA, being retired by X): v1.1 objects in arrays named <c>*_events</c>, any number per delivery.</summary>
public static class XAccountActivity
{
    private const string TwitterDateFormat = "ddd MMM dd HH:mm:ss zzz yyyy";

    private static readonly Dictionary<string, string> SkippedKinds = new()
    {
        ["direct_message_indicate_typing_events"] = "typing indicator",
        ["direct_message_mark_read_events"] = "read receipt",
        ["favorite_events"] = "like",
        ["follow_events"] = "follow",
        ["unfollow_events"] = "unfollow",
        ["block_events"] = "block",
        ["unblock_events"] = "unblock",
        ["mute_events"] = "mute",
        ["unmute_events"] = "unmute",
    };

    public static XDelivery Parse(JsonObject body, string accountId, DateTime receivedAt)
    {
        HashSet<string> ownIds = body.String("for_user_id") is { } forUser ? [accountId, forUser] : [accountId];
        var events = new List<PlatformEvent>();
        var revoked = false;
        var recognized = false;
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "tweet_create_events":
                    events.AddRange(body.Objects(key).Select(tweet => FromTweet(tweet, ownIds)));
                    break;
                case "direct_message_events":
                    events.AddRange(XPayloads.FromDirectMessages(body, ownIds, receivedAt));
                    break;
                case "tweet_delete_events":
                    events.AddRange(body.Objects(key).Select(deletion => FromDeletion(deletion, ownIds, receivedAt)));
                    break;
                case "user_event" when value is JsonObject userEvent && userEvent.ContainsKey("revoke"):
                    events.Add(new PlatformEvent.Skipped(XPayloads.Revocation));
                    revoked = true;
                    break;
                case "user_event" or "replay_job_status":
                    events.Add(new PlatformEvent.Skipped(key));
                    break;
                case var _ when key.EndsWith("_events", StringComparison.Ordinal):
                    var count = (value as JsonArray)?.Count ?? 1;
                    events.AddRange(Enumerable.Repeat<PlatformEvent>(new PlatformEvent.Skipped(SkippedKinds.GetValueOrDefault(key, key)), count));
                    break;
                default:
                    continue; // Envelope fields: for_user_id, users, apps, user_has_blocked, source.
            }
            recognized = true;
        }
        if (!recognized)
            throw new MalformedPayloadException("Neither an X Activity API event (data.event_type) nor Account Activity events (*_events) were found.");
        return new XDelivery(events, revoked);
    }

    private static PlatformEvent FromTweet(JsonObject tweet, IReadOnlySet<string> ownIds)
    {
        // id_str, never id: the numeric id loses precision as a double (the docs' own sample shows it).
        var id = tweet.RequiredString("id_str", "A tweet_create_event");
        var user = tweet.Object("user");
        var authorId = user.RequiredString("id_str", $"Tweet {id}'s user");
        if (ownIds.Contains(authorId))
            return new PlatformEvent.Skipped(XPayloads.OwnPost);
        if (tweet.Object("retweeted_status") is not null)
            return new PlatformEvent.Skipped("repost");

        var inReplyTo = tweet.String("in_reply_to_status_id_str");
        var author = XPayloads.Author(user, authorId);
        // A truncated (longer than 140 characters) v1.1 tweet carries its full text in extended_tweet.
        var text = tweet.Object("extended_tweet").String("full_text") ?? tweet.String("full_text") ?? tweet.String("text") ?? "";
        return new PlatformEvent.Mention(new IncomingMention(
            id,
            inReplyTo is null ? MentionKind.Post : MentionKind.Comment,
            text,
            ParseTwitterDate(tweet.RequiredString("created_at", $"Tweet {id}"), id),
            author,
            ThreadId: inReplyTo,
            ParentId: inReplyTo,
            Url: XConnector.Permalink(author.Handle, id),
            Language: XPayloads.Language(tweet.String("lang"))));
    }

    private static PlatformEvent FromDeletion(JsonObject deletion, IReadOnlySet<string> ownIds, DateTime receivedAt)
    {
        var status = deletion.Object("status");
        var id = status.Digits("id") ?? throw new MalformedPayloadException("A tweet_delete_event has no status.id.");
        if (ownIds.Contains(status.Digits("user_id") ?? ""))
            return new PlatformEvent.Skipped("deletion of our own post");
        return new PlatformEvent.Deleted(id, deletion.EpochMilliseconds("timestamp_ms") ?? receivedAt);
    }

    private static DateTime ParseTwitterDate(string text, string id) =>
        DateTime.TryParseExact(text, TwitterDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new MalformedPayloadException($"Tweet {id} has an unreadable created_at: {text}.");
}
