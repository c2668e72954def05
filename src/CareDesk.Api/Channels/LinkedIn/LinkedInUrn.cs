namespace CareDesk.Api.Channels.LinkedIn;

/// <summary>LinkedIn URNs as notifications send them, made comparable.</summary>
public static class LinkedInUrn
{
    private const string CommentPrefix = "urn:li:comment:(";

    /// <summary>
    /// A comment URN names its post inside the parentheses, but notifications are not consistent about it:
    /// <c>generatedActivity</c> has <c>urn:li:comment:(activity:1,2)</c> where the comment's own <c>entity</c> has
    /// <c>urn:li:comment:(urn:li:activity:1,2)</c>. The full form is the one kept.
    /// </summary>
    public static string NormalizeComment(string urn)
    {
        if (!urn.StartsWith(CommentPrefix, StringComparison.Ordinal) || urn.AsSpan(CommentPrefix.Length).StartsWith("urn:li:", StringComparison.Ordinal))
            return urn;
        return CommentPrefix + "urn:li:" + urn[CommentPrefix.Length..];
    }

    /// <summary>The post a comment URN belongs to: <c>urn:li:comment:(urn:li:activity:1,2)</c> → <c>urn:li:activity:1</c>.</summary>
    public static string? PostOfComment(string commentUrn)
    {
        var normalized = NormalizeComment(commentUrn);
        if (!normalized.StartsWith(CommentPrefix, StringComparison.Ordinal))
            return null;
        var comma = normalized.LastIndexOf(',');
        return comma < 0 ? null : normalized[CommentPrefix.Length..comma];
    }

    public static bool IsComment(string urn) => urn.StartsWith(CommentPrefix, StringComparison.Ordinal);
}
