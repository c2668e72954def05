using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels;

public sealed record MentionAuthor(string Id, string Handle, string Name, int Followers);

/// <summary>One platform event, normalized by its connector; what <c>IngestMention</c> stores.</summary>
public sealed record IncomingMention(
    string PlatformMessageId,
    MentionKind Kind,
    string Text,
    DateTime CreatedAt,
    MentionAuthor Author,
    string? ThreadId = null,
    string? ParentId = null,
    string? Url = null,
    string? Language = null);
