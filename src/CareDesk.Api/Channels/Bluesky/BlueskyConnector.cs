namespace CareDesk.Api.Channels.Bluesky;

/// <summary>A Bluesky account: mentions, replies and quotes are polled from its notifications, replies are posted as posts.</summary>
public sealed class BlueskyConnector : IChannelConnector
{
    public const string ChannelType = "bluesky";
    public const string Handle = "handle";
    public const string AppPassword = "appPassword";
    public const string Did = "did";
    public const string ServiceUrl = "serviceUrl";
    public const string DefaultServiceUrl = "https://bsky.social";

    public string Type => ChannelType;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new(Handle, Required: true, Description: "The account's handle, e.g. support.example.com."),
        new(AppPassword, Required: true, Secret: true, Description: "An app password (Settings → Privacy and security → App passwords), not the account password."),
        new(Did, Required: false, Description: "The account's DID; taken from the login when left out."),
        new(ServiceUrl, Required: false, IsUrl: true, Description: $"The account's PDS or entryway; {DefaultServiceUrl} when left out."),
    ];
}
