namespace CareDesk.Api.Channels.LinkedIn;

public sealed class LinkedInConnector : IChannelConnector
{
    public const string ChannelType = "linkedin";
    public const string ClientSecret = "clientSecret";
    public const string AccessToken = "accessToken";
    public const string OrganizationUrn = "organizationUrn";
    public const string ApiBaseUrl = "apiBaseUrl";
    public const string ApiVersion = "apiVersion";
    public const string SignatureReadingSetting = "signatureReading";
    public const string DefaultApiBaseUrl = "https://api.linkedin.com";

    /// <summary>LinkedIn's versioned API (LinkedIn-Version: YYYYMM) retires a version about a year after it ships; the setting overrides it.</summary>
    public const string DefaultApiVersion = "202610";

    public string Type => ChannelType;

    public IReadOnlyList<ChannelSetting> Settings { get; } =
    [
        new(ClientSecret, Required: true, Secret: true, Description: "The LinkedIn app's client secret: answers the webhook validation challenge and verifies X-LI-Signature."),
        new(AccessToken, Required: true, Secret: true, Description: "An access token of a page admin with r_organization_social, w_organization_social and rw_organization_admin, to look up authors and publish comments."),
        new(OrganizationUrn, Required: true, Description: "The page replies are published as, e.g. urn:li:organization:123; its own comments are not ingested."),
        new(ApiBaseUrl, Required: false, IsUrl: true, Description: $"The LinkedIn API base URL; {DefaultApiBaseUrl} unless you route through a proxy."),
        new(ApiVersion, Required: false, Description: $"The LinkedIn-Version header (YYYYMM); {DefaultApiVersion} by default."),
        new(SignatureReadingSetting, Required: false, Description: "How X-LI-Signature is checked: prefixed-body (default, the documented reading), prefixed-header or either. See docs/connectors/linkedin.md."),
    ];

    public static Uri ApiBase(ChannelConfig channel) => new((channel.Setting(ApiBaseUrl) ?? DefaultApiBaseUrl).TrimEnd('/') + "/");

    /// <summary>Where a post (or a comment on it) is shown on linkedin.com.</summary>
    public static string Permalink(string postUrn, string? commentUrn = null) =>
        $"https://www.linkedin.com/feed/update/{postUrn}/" + (commentUrn is null ? "" : "?commentUrn=" + Uri.EscapeDataString(commentUrn));
}
