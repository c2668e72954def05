using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels.X;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Channels.X;

/// <summary>An X channel created through the API, for the account of the fixtures' X Activity API samples (@ExampleUser).</summary>
public sealed record XChannel(string Id, string Key)
{
    public const string ConsumerSecret = "test-consumer-secret";
    public const string AccessToken = "test-user-access-token";
    public const string AccountId = "1111111111111111111";
    public const string AccountHandle = "ExampleUser";

    public static async Task<XChannel> CreateAsync(CareDeskServer server, Uri? apiBaseUrl = null)
    {
        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        var response = await admin.PostAsJsonAsync("/api/channels", new
        {
            type = "x",
            name = $"X {Guid.NewGuid():N}",
            consumerSecret = ConsumerSecret,
            accessToken = AccessToken,
            accountId = AccountId,
            accountHandle = AccountHandle,
            apiBaseUrl = apiBaseUrl?.ToString(),
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new XChannel(body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    public Task<HttpResponseMessage> PostAsync(CareDeskServer server, JsonNode payload) =>
        PostRawAsync(server, Encoding.UTF8.GetBytes(payload.ToJsonString()));

    public async Task<JsonElement> DeliverAsync(CareDeskServer server, JsonNode payload)
    {
        var response = await PostAsync(server, payload);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> PostRawAsync(CareDeskServer server, byte[] body, string? signature = null)
    {
        using var client = server.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/x/{Key}") { Content = content };
        request.Headers.Add(XSignature.Header, signature ?? XSignature.Sign(body, ConsumerSecret));
        return await client.SendAsync(request);
    }
}
