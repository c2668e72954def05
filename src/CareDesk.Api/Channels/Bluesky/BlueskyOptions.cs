namespace CareDesk.Api.Channels.Bluesky;

public sealed class BlueskyOptions : PullConnectorOptions
{
    public const string Section = "Bluesky";

    /// <summary>Notifications per page (the lexicon allows up to 100).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// Notifications say nothing when a post is deleted or changed, so after each poll the newest mentions of this
    /// age (up to 25) are looked up again: gone means deleted, a different text means edited.
    /// </summary>
    public TimeSpan RecheckWindow { get; set; } = TimeSpan.FromDays(2);
}
