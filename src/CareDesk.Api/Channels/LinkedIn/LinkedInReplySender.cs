using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels.LinkedIn;

/// <summary>
/// Publishes a reply as the page's comment on the post (<c>POST /rest/socialActions/{post}/comments</c>), nested under
/// the customer's comment when it answers one. The Comments API takes no idempotency key, so when an earlier attempt may
/// have gone out the page's recent comments there are searched for this one before anything is published again.
/// </summary>
public sealed partial class LinkedInReplySender(LinkedInApiClient linkedIn) : IReplySender
{
    public const int MaxCommentLength = 1250;

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public string ChannelType => LinkedInConnector.ChannelType;

    /// <summary>The platform sets no time limit on answering.</summary>
    public TimeSpan? ReplyWindow(MentionKind kind) => null;

    public async Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        if (reply.InReplyTo is null)
            return new ReplyResult.Failed("There is no customer post or comment in this conversation to answer.", Transient: false);
        if (reply.Text.Length > MaxCommentLength)
            return new ReplyResult.Failed($"A LinkedIn comment is limited to {MaxCommentLength} characters; this one has {reply.Text.Length}. Shorten it.", Transient: false);

        var answersComment = LinkedInUrn.IsComment(reply.InReplyTo);
        var parentComment = answersComment ? LinkedInUrn.NormalizeComment(reply.InReplyTo) : null;
        var post = answersComment ? LinkedInUrn.PostOfComment(reply.InReplyTo) ?? reply.ThreadId : reply.InReplyTo;
        if (post is null)
            return new ReplyResult.Failed($"Cannot tell which post {reply.InReplyTo} belongs to.", Transient: false);
        var organization = reply.Channel.Setting(LinkedInConnector.OrganizationUrn)!;

        if (reply.EarlierAttempts > 0)
        {
            var earlier = await FindEarlierComment(reply, parentComment ?? post, organization, cancellationToken);
            if (earlier is not null)
                return earlier;
        }

        var body = new JsonObject
        {
            ["actor"] = organization,
            ["object"] = post,
            ["message"] = new JsonObject { ["text"] = reply.Text },
        };
        if (parentComment is not null)
            body["parentComment"] = parentComment;
        var answer = await linkedIn.SendAsync(reply.Channel, HttpMethod.Post, CommentsPath(post), body, cancellationToken);
        if (answer.Failure is not null)
            return answer.Failure;
        var commentUrn = CommentUrn(answer.Body, post) ?? IdAsUrn(answer.CreatedId, post);
        return new ReplyResult.Sent(commentUrn, LinkedInConnector.Permalink(post, commentUrn));
    }

    /// <returns>Sent when the comment is already on LinkedIn, a failure when LinkedIn cannot be asked now, null when it is not there.</returns>
    private async Task<ReplyResult?> FindEarlierComment(OutgoingReply reply, string commentedOn, string organization, CancellationToken ct)
    {
        var answer = await linkedIn.SendAsync(reply.Channel, HttpMethod.Get, CommentsPath(commentedOn) + "?count=100", null, ct);
        if (answer.Failure is not null)
            return answer.Failure with { Error = $"An earlier attempt may have been published, and LinkedIn could not be asked whether it was: {answer.Failure.Error}" };
        var post = LinkedInUrn.PostOfComment(commentedOn) ?? commentedOn;
        var since = reply.QueuedAt - ClockSkew;
        var published = answer.Body.Objects("elements").FirstOrDefault(comment =>
            comment.String("actor") == organization
            && Comparable(comment.Object("message").String("text") ?? "") == Comparable(reply.Text)
            && (reply.QueuedAt == default || comment.Object("created").EpochMilliseconds("time") is not { } created || created >= since));
        if (published is null)
            return null;
        var urn = CommentUrn(published, post) ?? IdAsUrn(published.Digits("id"), post);
        return new ReplyResult.Sent(urn, LinkedInConnector.Permalink(post, urn));
    }

    private static string CommentsPath(string urn) => $"rest/socialActions/{Uri.EscapeDataString(urn)}/comments";

    private static string? CommentUrn(JsonObject? comment, string post) =>
        (comment.String("commentUrn") ?? comment.String("$URN")) is { } urn ? LinkedInUrn.NormalizeComment(urn) : IdAsUrn(comment.Digits("id"), post);

    /// <summary>Rest.li may name a created comment by its bare id: its URN is then built from the post.</summary>
    private static string? IdAsUrn(string? id, string post) => id switch
    {
        null => null,
        _ when id.StartsWith("urn:", StringComparison.Ordinal) => LinkedInUrn.NormalizeComment(id),
        _ => $"urn:li:comment:({post},{id})",
    };

    private static string Comparable(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
