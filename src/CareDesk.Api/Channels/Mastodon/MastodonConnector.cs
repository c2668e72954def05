namespace CareDesk.Api.Channels.Mastodon;

/// <summary>A Mastodon account: its mention notifications are followed (stream + polling), replies are posted as statuses.</summary>
public sealed class MastodonConnector : IChannelConnector
{
    public const string ChannelType = "mastodon";
    public const string InstanceUrl = "instanceUrl";
    public const string AccessToken = "accessToken";
    public const string AccountId = "accountId";

    public string Type => ChannelType;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new(InstanceUrl, Required: true, IsUrl: true, Description: "The account's instance, e.g. https://mastodon.social."),
        new(AccessToken, Required: true, Secret: true, Description: "A user token with read:accounts, read:notifications, read:statuses and write:statuses."),
        new(AccountId, Required: false, Description: "Our own account id; looked up with the token when left out."),
    ];
}
