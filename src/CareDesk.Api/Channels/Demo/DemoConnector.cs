namespace CareDesk.Api.Channels.Demo;

/// <summary>SIMULATOR: the built-in simulated network that gives a new install realistic traffic.</summary>
public sealed class DemoConnector : IChannelConnector
{
    public const string ChannelType = "demo";

    public string Type => ChannelType;

    public IReadOnlyList<ChannelSetting> Settings { get; } = [];
}
