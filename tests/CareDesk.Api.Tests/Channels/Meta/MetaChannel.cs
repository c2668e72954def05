using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels.Meta;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Channels.Meta;

/// <summary>A Meta channel created through the API, its fixtures with the doc placeholders filled in, and signed posts to its webhook.</summary>
public sealed record MetaChannel(string Id, string Key)
{
    public const string AppSecret = "my_app_secret";
    public const string VerifyToken = "meatyhamhock";
    public const string PageAccessToken = "page-token-123";
    public const string PageId = "100473908465587";
    public const string InstagramAccountId = "17841405726653026";
    public const string Psid = "2400000000000001";
    public const string Igsid = "17840000000000099";
    public const string InstagramMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx";

    private static readonly Dictionary<string, string> Placeholders = new()
    {
        ["<PSID>"] = Psid,
        ["<PAGE_ID>"] = PageId,
        ["{page-id}"] = PageId,
        ["{user-id}"] = "3844961895549999",
        ["{page-post-id}"] = $"{PageId}_555000111",
        ["<YOUR_APP_USERS_INSTAGRAM_ACCOUNT_ID>"] = InstagramAccountId,
        ["<YOUR_APP_USERS_INSTAGRAM_USER_ID>"] = InstagramAccountId,
        ["<INSTAGRAM_SCOPED_ID>"] = Igsid,
        ["<MESSAGE_ID>"] = InstagramMid,
        ["<MESSAGE_ID_REPLIED_TO>"] = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjAAAA",
        ["<MESSAGE_TEXT>"] = "Where is my parcel?",
        ["<USER_EDITED_MESSAGE>"] = "Where is my parcel? Order 1234",
        ["<TEXT>"] = "hello again, world!",
        ["<MID_OF_ReactedTo_Message>"] = "mid.1457764197618:41d102a3e1ae206a38",
        ["<ATTACHMENT_URL>"] = "https://cdn.example.com/image.jpg",
        ["<DEVELOPER_DEFINED_PAYLOAD>"] = "QUICK_REPLY_BLUE",
        ["<DEVELOPER_DEFINED_METADATA_STRING>"] = "caredesk",
    };

    public static async Task<MetaChannel> CreateAsync(CareDeskServer server, Uri? graphApi = null)
    {
        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        var response = await admin.PostAsJsonAsync("/api/channels", new
        {
            type = "meta",
            name = $"Meta {Guid.NewGuid():N}",
            appSecret = AppSecret,
            pageAccessToken = PageAccessToken,
            verifyToken = VerifyToken,
            pageId = PageId,
            instagramAccountId = InstagramAccountId,
            apiBaseUrl = graphApi?.ToString(),
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new MetaChannel(body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    public static string FixtureText(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Meta", "Fixtures", path));

    /// <summary>A webhook body from a fixture, placeholders filled in; a single documented messaging event is wrapped in its envelope.</summary>
    public static JsonObject Fixture(string path, string @object = "page")
    {
        var text = Placeholders.Aggregate(FixtureText(path), (current, p) => current.Replace(p.Key, p.Value));
        var node = JsonNode.Parse(text)!.AsObject();
        if (path.EndsWith(".doc-event.json", StringComparison.Ordinal))
            node = Envelope(@object, Entry(PageId, 1458692752478, messaging: node));
        else if (path.EndsWith(".doc-entry.json", StringComparison.Ordinal))
            node = new JsonObject { ["object"] = @object, ["entry"] = new JsonArray(node) };
        return node;
    }

    public static JsonObject Envelope(string @object, params JsonObject[] entries) =>
        new() { ["object"] = @object, ["entry"] = new JsonArray(entries.Select(e => (JsonNode)e).ToArray()) };

    public static JsonObject Entry(string id, long time, JsonObject? messaging = null) =>
        new() { ["id"] = id, ["time"] = time, ["messaging"] = new JsonArray(messaging) };

    /// <summary>Moves a messaging fixture to now (minus <paramref name="age"/>): reply windows are counted from it.</summary>
    public static JsonObject At(JsonObject body, TimeSpan age)
    {
        var ms = DateTimeOffset.UtcNow.Add(-age).ToUnixTimeMilliseconds();
        foreach (var entry in body["entry"]!.AsArray())
        {
            foreach (var messaging in entry!["messaging"]?.AsArray() ?? [])
                messaging!["timestamp"] = ms;
        }
        return body;
    }

    public Task<HttpResponseMessage> PostAsync(CareDeskServer server, JsonObject body) =>
        PostRawAsync(server, Encoding.UTF8.GetBytes(body.ToJsonString()));

    public async Task<HttpResponseMessage> PostRawAsync(CareDeskServer server, byte[] body, string? signature = null)
    {
        using var client = server.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/meta/{Key}") { Content = content };
        request.Headers.Add(MetaSignature.Header, signature ?? MetaSignature.Sign(body, AppSecret));
        return await client.SendAsync(request);
    }

    /// <summary>Posts a body and returns the counts the webhook answered with.</summary>
    public async Task<JsonElement> DeliverAsync(CareDeskServer server, JsonObject body)
    {
        var response = await PostAsync(server, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
