using System.Text.Json;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// Publishes replies through the Graph API: a comment reply on the customer's Facebook comment or post, an Instagram
/// comment reply or @mention reply, or a Send API message for Messenger and Instagram DMs. The Graph API takes no
/// idempotency key, so when an earlier attempt may have gone out, our own recent replies are looked up first.
/// </summary>
public sealed class MetaReplySender(MetaGraphClient graph) : IReplySender
{
    /// <summary>Messenger's and Instagram's standard messaging window: a business answers within 24 hours of the customer's last message.</summary>
    public static readonly TimeSpan DirectMessageWindow = TimeSpan.FromHours(24);

    public string ChannelType => MetaConnector.ChannelType;

    public TimeSpan? ReplyWindow(MentionKind kind) => kind == MentionKind.Direct ? DirectMessageWindow : null;

    private sealed record SendApiMessage(SendApiRecipient Recipient, string MessagingType, SendApiText Message);

    private sealed record SendApiRecipient(string Id);

    private sealed record SendApiText(string Text);

    public async Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        var thread = MetaThread.Parse(reply.ThreadId);
        if (reply.InReplyTo is null || thread is null)
            return new ReplyResult.Failed("This conversation has no Meta message to answer.", Transient: false);

        var channel = reply.Channel;
        if (thread.IsInstagram && channel.Setting(MetaConnector.InstagramAccountId) is null)
            return new ReplyResult.Failed("This channel has no instagramAccountId, so it cannot answer on Instagram.", Transient: false);
        var ourId = thread.IsInstagram ? channel.Setting(MetaConnector.InstagramAccountId) : channel.Setting(MetaConnector.PageId);
        var target = Target(reply, thread, channel);

        if (reply.EarlierAttempts > 0)
        {
            if (target.FindOurs is null)
                return new ReplyResult.Failed(
                    "An earlier attempt may already have published this reply and Instagram offers no way to check: look at the post, then send it again if it is missing.",
                    Transient: false);
            var lookup = await graph.GetAsync(channel, target.FindOurs.Path, target.FindOurs.Query, cancellationToken);
            if (!lookup.Ok)
                return new ReplyResult.Failed($"Could not check whether an earlier attempt was published: {lookup.Error!.Reason}", Transient: true, lookup.Error.RetryAfter);
            if (FindOurReply(lookup.Body, ourId, reply.Text) is { } publishedId)
                return new ReplyResult.Sent(publishedId, await PermalinkAsync(channel, target, publishedId, cancellationToken));
        }

        var result = await target.Publish(cancellationToken);
        if (!result.Ok)
            return new ReplyResult.Failed(result.Error!.Reason, result.Error.Transient, result.Error.RetryAfter);
        var id = MetaGraphClient.Text(result.Body, "id") ?? MetaGraphClient.Text(result.Body, "message_id");
        return new ReplyResult.Sent(id, id is null ? null : await PermalinkAsync(channel, target, id, cancellationToken));
    }

    private sealed record Lookup(string Path, IReadOnlyDictionary<string, string> Query);

    private sealed record PublishTarget(Func<CancellationToken, Task<MetaGraphClient.Result>> Publish, Lookup? FindOurs, bool HasPermalink);

    private PublishTarget Target(OutgoingReply reply, MetaThread thread, ChannelConfig channel)
    {
        var text = reply.Text;
        var to = reply.InReplyTo!;
        if (reply.InReplyToKind == MentionKind.Direct)
        {
            var message = new SendApiMessage(new SendApiRecipient(reply.Customer.PlatformUserId), "RESPONSE", new SendApiText(text));
            var platform = thread.IsInstagram ? "instagram" : "messenger";
            return new PublishTarget(
                ct => graph.PostJsonAsync(channel, "me/messages", message, ct),
                new Lookup("me/conversations", new Dictionary<string, string>
                {
                    ["platform"] = platform,
                    ["user_id"] = reply.Customer.PlatformUserId,
                    ["fields"] = "messages.limit(25){id,message,from}",
                }),
                HasPermalink: false);
        }
        if (thread.Surface == MetaSurface.InstagramMention)
        {
            var mediaId = thread.Key.Split('/')[0];
            var form = new Dictionary<string, string> { ["media_id"] = mediaId, ["message"] = text };
            if (to != mediaId)
                form["comment_id"] = to;
            var account = channel.Setting(MetaConnector.InstagramAccountId);
            return new PublishTarget(ct => graph.PostFormAsync(channel, $"{account}/mentions", form, ct), FindOurs: null, HasPermalink: false);
        }
        if (thread.IsInstagram)
        {
            return new PublishTarget(
                ct => graph.PostFormAsync(channel, $"{to}/replies", new Dictionary<string, string> { ["message"] = text }, ct),
                new Lookup($"{to}/replies", new Dictionary<string, string> { ["fields"] = "id,text,from" }),
                HasPermalink: false);
        }
        return new PublishTarget(
            ct => graph.PostFormAsync(channel, $"{to}/comments", new Dictionary<string, string> { ["message"] = text }, ct),
            new Lookup($"{to}/comments", new Dictionary<string, string> { ["fields"] = "id,message,from", ["order"] = "reverse_chronological", ["limit"] = "50" }),
            HasPermalink: true);
    }

    /// <summary>Our reply among the comments, replies or messages a lookup returned: written by our account, with the same text.</summary>
    private static string? FindOurReply(JsonElement body, string? ourId, string text)
    {
        foreach (var item in Items(body))
        {
            var from = item.TryGetProperty("from", out var f) ? MetaGraphClient.Text(f, "id") : null;
            var said = MetaGraphClient.Text(item, "message") ?? MetaGraphClient.Text(item, "text");
            if (from is not null && from == ourId && said == text)
                return MetaGraphClient.Text(item, "id");
        }
        return null;
    }

    // Comments and replies come as { data: [...] }; conversations as { data: [ { messages: { data: [...] } } ] }.
    private static IEnumerable<JsonElement> Items(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var item in data.EnumerateArray())
        {
            if (item.TryGetProperty("messages", out var messages))
            {
                foreach (var message in Items(messages))
                    yield return message;
            }
            else
            {
                yield return item;
            }
        }
    }

    // The comment's own link, best effort: the reply is published whether or not Meta tells us where.
    private async Task<string?> PermalinkAsync(ChannelConfig channel, PublishTarget target, string id, CancellationToken ct)
    {
        if (!target.HasPermalink)
            return null;
        var result = await graph.GetAsync(channel, id, new Dictionary<string, string> { ["fields"] = "permalink_url" }, ct);
        return result.Ok ? MetaGraphClient.Text(result.Body, "permalink_url") : null;
    }
}
