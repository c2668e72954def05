using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels.LinkedIn;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Channels.LinkedIn;

/// <summary>A LinkedIn channel created through the API, for the page of the captured notification (urn:li:organization:96072893).</summary>
public sealed record LinkedInChannel(string Id, string Key)
{
    public const string ClientSecret = "my_client_secret";
    public const string AccessToken = "test-linkedin-token";
    public const string OrganizationUrn = "urn:li:organization:96072893";

    public static async Task<LinkedInChannel> CreateAsync(CareDeskServer server, Uri apiBaseUrl, string? signatureReading = null)
    {
        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        var response = await admin.PostAsJsonAsync("/api/channels", new
        {
            type = "linkedin",
            name = $"LinkedIn {Guid.NewGuid():N}",
            clientSecret = ClientSecret,
            accessToken = AccessToken,
            organizationUrn = OrganizationUrn,
            apiBaseUrl = apiBaseUrl.ToString(),
            signatureReading,
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new LinkedInChannel(body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    /// <summary>Posts a notification body signed the documented way (the prefixed-body reading).</summary>
    public async Task<JsonElement> DeliverAsync(CareDeskServer server, JsonNode payload)
    {
        var response = await PostRawAsync(server, Encoding.UTF8.GetBytes(payload.ToJsonString()));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> PostRawAsync(CareDeskServer server, byte[] body, string? signature = null)
    {
        using var client = server.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/linkedin/{Key}") { Content = content };
        request.Headers.Add(LinkedInSignature.Header, signature ?? LinkedInSignature.Sign(body, ClientSecret, SignatureReading.PrefixedBody));
        return await client.SendAsync(request);
    }
}
