using System.Text.Json.Nodes;

namespace CareDesk.Api.Channels.X;

/// <summary>The X Activity API (XAA): one event per delivery, <c>data.event_type</c> says which.</summary>
public static class XActivityEvents
{
    public static XDelivery Parse(JsonObject data, string accountId, DateTime receivedAt)
    {
        var ownIds = OwnIds(accountId, data.Object("filter").String("user_id"));
        var payload = data.Object("payload") ?? throw new MalformedPayloadException("The event has no payload.");
        var eventType = data.String("event_type")!;
        switch (eventType)
        {
            case "post.mention.create" or "post.reply.create" or "post.quote.create" or "post.create":
                var users = data.Object("includes").Objects("users").ToList();
                JsonObject? FindUser(string id) => users.FirstOrDefault(u => (u.Object("data") ?? u).String("id") == id);
                return One(XPayloads.FromPost(payload, FindUser, ownIds, receivedAt));
            case "post.delete":
                var postId = payload.RequiredString("id", "The post.delete payload");
                return One(ownIds.Contains(payload.String("author_id") ?? "")
                    ? new PlatformEvent.Skipped("deletion of our own post")
                    : new PlatformEvent.Deleted(postId, receivedAt));
            case "dm.received" or "dm.sent":
                return new XDelivery(XPayloads.FromDirectMessages(payload, ownIds, receivedAt).ToList(), Revoked: false);
            case "chat.received":
                // XChat messages are end-to-end encrypted: the payload carries no readable text.
                return One(new PlatformEvent.Skipped("encrypted XChat message"));
            case "oauth.revoke":
                return new XDelivery([new PlatformEvent.Skipped(XPayloads.Revocation)], Revoked: true);
            default:
                return One(new PlatformEvent.Skipped($"{eventType} events are not handled"));
        }
    }

    private static XDelivery One(PlatformEvent item) => new([item], Revoked: false);

    private static HashSet<string> OwnIds(string accountId, string? subscribedUserId) =>
        subscribedUserId is null ? [accountId] : [accountId, subscribedUserId];
}
