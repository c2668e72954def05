namespace CareDesk.Api.Channels;

public static class ChannelTypes
{
    public const string Generic = "generic";
    public const string Demo = "demo";

    /// <summary>The channel types this build can create: one for each connector it has.</summary>
    public static readonly string[] Supported = [Generic, Demo];
}
