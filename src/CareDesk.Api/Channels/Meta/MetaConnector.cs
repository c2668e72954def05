namespace CareDesk.Api.Channels.Meta;

/// <summary>A Facebook Page with its Messenger inbox and, optionally, the Instagram professional account linked to it.</summary>
public sealed class MetaConnector : IChannelConnector
{
    public const string ChannelType = "meta";
    public const string AppSecret = "appSecret";
    public const string PageAccessToken = "pageAccessToken";
    public const string VerifyToken = "verifyToken";
    public const string PageId = "pageId";
    public const string InstagramAccountId = "instagramAccountId";
    public const string ApiBaseUrl = "apiBaseUrl";

    public const string DefaultApiBaseUrl = "https://graph.facebook.com/v25.0";

    public string Type => ChannelType;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new(AppSecret, Required: true, Secret: true, Description: "The Meta app's App Secret: verifies X-Hub-Signature-256 on every webhook."),
        new(PageAccessToken, Required: true, Secret: true, Description: "A long-lived Page access token (pages_manage_engagement, pages_messaging, instagram_manage_comments, instagram_manage_messages)."),
        new(VerifyToken, Required: true, Secret: true, Description: "The Verify Token you type into the app dashboard's webhook settings."),
        new(PageId, Required: true, Description: "The Facebook Page id; its own posts, comments and messages are recognized and skipped."),
        new(InstagramAccountId, Required: false, Description: "The id of the Instagram professional account linked to the Page, when Instagram is connected."),
        new(ApiBaseUrl, Required: false, IsUrl: true, Description: $"The Graph API base URL with its version; {DefaultApiBaseUrl} when not given."),
    ];
}
