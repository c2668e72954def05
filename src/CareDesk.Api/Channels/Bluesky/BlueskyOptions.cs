namespace CareDesk.Api.Channels.Bluesky;

public sealed class BlueskyOptions : PullConnectorOptions
{
    public const string Section = "Bluesky";

    /// <summary>Notifications per page (the lexicon allows up to 100).</summary>
    public int PageSize { get; set; } = 50;
}
