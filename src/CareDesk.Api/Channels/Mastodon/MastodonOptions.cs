namespace CareDesk.Api.Channels.Mastodon;

public sealed class MastodonOptions : PullConnectorOptions
{
    public const string Section = "Mastodon";

    /// <summary>Follow the streaming API for near-real-time mentions; polling alone is used when off or unavailable.</summary>
    public bool Streaming { get; set; } = true;

    /// <summary>Notifications per poll page (Mastodon allows up to 80).</summary>
    public int PageSize { get; set; } = 40;
}
