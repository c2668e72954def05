namespace CareDesk.Api.Channels.Meta;

/// <summary>One item of a Meta webhook batch, read into what CareDesk does with it.</summary>
public abstract record MetaEvent(DateTime At)
{
    /// <param name="Profile">Where the author's follower count and names can be looked up, when the payload lacks them.</param>
    public sealed record Mention(IncomingMention Incoming, MetaProfileSource Profile) : MetaEvent(Incoming.CreatedAt);

    /// <param name="IfUnknown">What to store when the edited message never reached us (or was skipped before).</param>
    public sealed record Edit(string MessageId, string Text, DateTime EditedAt, Mention? IfUnknown) : MetaEvent(EditedAt);

    public sealed record Delete(string MessageId, DateTime DeletedAt) : MetaEvent(DeletedAt);

    /// <summary>An Instagram @mention: the webhook names the comment or media; its text has to be fetched.</summary>
    public sealed record InstagramMentionLookup(string AccountId, string MediaId, string? CommentId, DateTime NotifiedAt) : MetaEvent(NotifiedAt);

    public sealed record Skipped(string Reason, DateTime NotifiedAt) : MetaEvent(NotifiedAt);
}

public enum MetaProfileSource { None, Messenger, Instagram }
