namespace CareDesk.Api.Channels.Meta;

/// <summary>Where on Meta a conversation lives; the reply sender picks the Graph API call by it.</summary>
public enum MetaSurface { FacebookPost, FacebookComment, Messenger, InstagramComment, InstagramMention, InstagramDirect }

/// <summary>
/// A conversation's thread id on a Meta channel: <c>surface:key</c>. One channel carries a Page and an Instagram
/// account whose ids look alike, so the thread says which one a conversation is on.
/// </summary>
public sealed record MetaThread(MetaSurface Surface, string Key)
{
    private static readonly Dictionary<MetaSurface, string> Prefixes = new()
    {
        [MetaSurface.FacebookPost] = "fb-post",
        [MetaSurface.FacebookComment] = "fb-comment",
        [MetaSurface.Messenger] = "messenger",
        [MetaSurface.InstagramComment] = "ig-comment",
        [MetaSurface.InstagramMention] = "ig-mention",
        [MetaSurface.InstagramDirect] = "ig-direct",
    };

    public override string ToString() => $"{Prefixes[Surface]}:{Key}";

    public static MetaThread? Parse(string? threadId)
    {
        var colon = threadId?.IndexOf(':') ?? -1;
        if (colon <= 0)
            return null;
        var prefix = threadId![..colon];
        foreach (var (surface, known) in Prefixes)
        {
            if (known == prefix)
                return new MetaThread(surface, threadId[(colon + 1)..]);
        }
        return null;
    }

    public bool IsInstagram => Surface is MetaSurface.InstagramComment or MetaSurface.InstagramMention or MetaSurface.InstagramDirect;
}
