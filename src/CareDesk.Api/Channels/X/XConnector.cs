namespace CareDesk.Api.Channels.X;

public sealed class XConnector : IChannelConnector
{
    public const string ChannelType = "x";
    public const string ConsumerSecret = "consumerSecret";
    public const string AccessToken = "accessToken";
    public const string AccountId = "accountId";
    public const string AccountHandle = "accountHandle";
    public const string ApiBaseUrl = "apiBaseUrl";
    public const string DefaultApiBaseUrl = "https://api.x.com";

    public string Type => ChannelType;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new(ConsumerSecret, Required: true, Secret: true, Description: "The app's API secret key (consumer secret): answers X's CRC checks and verifies x-twitter-webhooks-signature."),
        new(AccessToken, Required: true, Secret: true, Description: "A user-context OAuth 2.0 access token of the account (tweet.write, dm.write, tweet.read, dm.read, users.read) to publish replies and direct messages."),
        new(AccountId, Required: true, Description: "The numeric X user id of the account, as a string: its own posts and messages are not ingested."),
        new(AccountHandle, Required: false, Description: "The account's @handle without the @, for the permalinks of our replies."),
        new(ApiBaseUrl, Required: false, IsUrl: true, Description: $"The X API base URL; {DefaultApiBaseUrl} unless you route through a proxy."),
    ];

    public static Uri ApiBase(ChannelConfig channel) => new((channel.Setting(ApiBaseUrl) ?? DefaultApiBaseUrl).TrimEnd('/') + "/");

    /// <summary>X serves a post at any handle; <c>i/web</c> stands in when the author's handle is not in the payload.</summary>
    public static string Permalink(string? handle, string postId) =>
        $"https://x.com/{(string.IsNullOrEmpty(handle) ? "i/web" : handle)}/status/{postId}";
}
