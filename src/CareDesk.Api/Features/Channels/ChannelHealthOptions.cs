namespace CareDesk.Api.Features.Channels;

public sealed class ChannelHealthOptions
{
    public const string Section = "Channels";

    /// <summary>A channel with no event for longer than this is shown as quiet: its subscription may have lapsed.</summary>
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromHours(6);
}
