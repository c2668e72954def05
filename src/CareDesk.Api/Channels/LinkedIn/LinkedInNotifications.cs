using System.Text.Json.Nodes;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.LinkedIn;

/// <summary>
/// Organization social action notifications: <c>{ "type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [...] }</c>,
/// up to ten per delivery. Authors come as person URNs only; <see cref="LinkedInProfiles"/> fills in who they are.
/// </summary>
public static class LinkedInNotifications
{
    public const string NotificationType = "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS";
    public const string OwnComment = "our own comment";
    public const string OwnPost = "our own post";

    public static IReadOnlyList<PlatformEvent> Parse(JsonObject body, string organizationUrn, DateTime receivedAt)
    {
        if (body["notifications"] is not JsonArray)
            throw new MalformedPayloadException("The body has no notifications array.");
        var notifications = body.Objects("notifications").ToList();
        var type = body.String("type");
        if (type != NotificationType)
            return notifications.Select(_ => (PlatformEvent)new PlatformEvent.Skipped($"{type ?? "untyped"} notification")).ToList();
        return notifications.Select(n => FromNotification(n, organizationUrn, receivedAt)).ToList();
    }

    private static PlatformEvent FromNotification(JsonObject notification, string organizationUrn, DateTime receivedAt)
    {
        var id = notification.Digits("notificationId") ?? throw new MalformedPayloadException("A notification has no notificationId.");
        var action = notification.RequiredString("action", $"Notification {id}");
        var at = notification.EpochMilliseconds("lastModifiedAt") ?? receivedAt;
        switch (action)
        {
            case "COMMENT":
                return Comment(notification, id, organizationUrn, at) is { } comment ? new PlatformEvent.Mention(comment) : new PlatformEvent.Skipped(OwnComment);
            case "COMMENT_EDIT":
                return Comment(notification, id, organizationUrn, at) is { } edited ? new PlatformEvent.Edited(edited, at) : new PlatformEvent.Skipped(OwnComment);
            case "COMMENT_DELETE":
                return new PlatformEvent.Deleted(CommentUrn(notification, id), at);
            case "SHARE_MENTION":
                return ShareMention(notification, id, organizationUrn, at);
            case "ADMIN_COMMENT":
                return new PlatformEvent.Skipped(OwnComment);
            default:
                return new PlatformEvent.Skipped($"{action} notification");
        }
    }

    /// <returns>Null when the comment is the page's own.</returns>
    private static IncomingMention? Comment(JsonObject notification, string id, string organizationUrn, DateTime at)
    {
        var comment = notification.Object("decoratedGeneratedActivity").Object("comment");
        var owner = comment.RequiredString("owner", $"Notification {id}'s comment");
        if (owner == organizationUrn)
            return null;
        var urn = CommentUrn(notification, id);
        var post = notification.String("sourcePost") ?? LinkedInUrn.PostOfComment(urn) ?? throw new MalformedPayloadException($"Notification {id} has no sourcePost.");
        var parent = comment.String("parentComment") is { } parentComment ? LinkedInUrn.NormalizeComment(parentComment) : post;
        return new IncomingMention(
            urn,
            MentionKind.Comment,
            // Some captures carry the text as message.text instead of text.
            comment.String("text") ?? comment.Object("message").String("text") ?? "",
            at,
            LinkedInProfiles.Unknown(owner),
            ThreadId: post,
            ParentId: parent,
            Url: LinkedInConnector.Permalink(post, urn));
    }

    private static PlatformEvent ShareMention(JsonObject notification, string id, string organizationUrn, DateTime at)
    {
        var share = notification.Object("decoratedGeneratedActivity").Object("share") ?? notification.Object("decoratedSourcePost");
        var owner = share.RequiredString("owner", $"Notification {id}'s post");
        if (owner == organizationUrn)
            return new PlatformEvent.Skipped(OwnPost);
        var post = notification.String("generatedActivity") ?? share.String("entity") ?? notification.String("sourcePost")
            ?? throw new MalformedPayloadException($"Notification {id} names no post.");
        return new PlatformEvent.Mention(new IncomingMention(
            post,
            MentionKind.Post,
            share.String("text") ?? "",
            at,
            LinkedInProfiles.Unknown(owner),
            ThreadId: notification.String("sourcePost") ?? post,
            Url: LinkedInConnector.Permalink(post)));
    }

    /// <summary>The comment's own entity URN, else the notification's generatedActivity: one normalized form either way, so edits and deletions find it.</summary>
    private static string CommentUrn(JsonObject notification, string id)
    {
        var urn = notification.Object("decoratedGeneratedActivity").Object("comment").String("entity") ?? notification.String("generatedActivity")
            ?? throw new MalformedPayloadException($"Notification {id} names no comment.");
        return LinkedInUrn.NormalizeComment(urn);
    }
}
