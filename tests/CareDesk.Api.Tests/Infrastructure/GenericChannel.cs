using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Api.Channels;

namespace CareDesk.Api.Tests.Infrastructure;

/// <summary>A generic signed-webhook channel created through the API, and a way to post signed mentions to it.</summary>
public sealed record GenericChannel(string Id, string Key, string Secret)
{
    public static async Task<GenericChannel> CreateAsync(CareDeskServer server, string? replyUrl = null, string? name = null)
    {
        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        var response = await admin.PostAsJsonAsync("/api/channels", new { type = "generic", name = name ?? $"Test {Guid.NewGuid():N}", replyUrl });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new GenericChannel(body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!, body.GetProperty("secret").GetString()!);
    }

    public static object Mention(string id, string text, string authorId = "cust-1", int followers = 100, string kind = "post",
        string? threadId = null, DateTime? createdAt = null) => new
    {
        id,
        kind,
        text,
        createdAt = createdAt ?? DateTime.UtcNow,
        author = new { id = authorId, handle = "@" + authorId, name = "Customer " + authorId, followers },
        threadId,
    };

    /// <summary>Posts a mention that must be accepted as new, and returns the conversation it joined.</summary>
    public async Task<string> IngestAsync(CareDeskServer server, object mention)
    {
        var response = await PostAsync(server, mention);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("conversationId").GetString()!;
    }

    public Task<HttpResponseMessage> PostAsync(CareDeskServer server, object mention) =>
        PostRawAsync(server, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(mention)));

    public async Task<HttpResponseMessage> PostRawAsync(CareDeskServer server, byte[] body, string? signature = null)
    {
        using var client = server.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/generic/{Key}") { Content = content };
        request.Headers.Add(WebhookSignature.Header, signature ?? WebhookSignature.Sign(body, Secret));
        return await client.SendAsync(request);
    }
}
