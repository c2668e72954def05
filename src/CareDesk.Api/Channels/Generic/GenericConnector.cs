namespace CareDesk.Api.Channels.Generic;

public sealed class GenericConnector : IChannelConnector
{
    public const string ChannelType = "generic";
    public const string ReplyUrl = "replyUrl";

    public string Type => ChannelType;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new(ReplyUrl, Required: false, IsUrl: true, Description: "Where agents' replies are POSTed, signed like the webhook. Without it the channel is receive-only."),
    ];
}
