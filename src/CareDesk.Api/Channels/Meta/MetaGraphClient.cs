using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// The Graph API as a channel's Page access token sees it. Every call carries <c>appsecret_proof</c>, so a leaked
/// token alone cannot be used from elsewhere when the app requires it.
/// </summary>
public sealed class MetaGraphClient(HttpClient http)
{
    public sealed record Result(JsonElement Body, MetaGraphError? Error)
    {
        public bool Ok => Error is null;
    }

    public Task<Result> GetAsync(ChannelConfig channel, string path, IReadOnlyDictionary<string, string> query, CancellationToken ct) =>
        SendAsync(channel, HttpMethod.Get, path, query, content: null, ct);

    public Task<Result> PostFormAsync(ChannelConfig channel, string path, IReadOnlyDictionary<string, string> form, CancellationToken ct) =>
        SendAsync(channel, HttpMethod.Post, path, new Dictionary<string, string>(), new FormUrlEncodedContent(form), ct);

    public Task<Result> PostJsonAsync<T>(ChannelConfig channel, string path, T body, CancellationToken ct) =>
        SendAsync(channel, HttpMethod.Post, path, new Dictionary<string, string>(), JsonContent.Create(body, options: MetaPayloads.Json), ct);

    private async Task<Result> SendAsync(
        ChannelConfig channel, HttpMethod method, string path, IReadOnlyDictionary<string, string> query, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, Url(channel, path, query)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception exception) when (ConnectorHttp.IsUnreachable(exception, ct))
        {
            return new Result(default, MetaGraphError.Unreachable(exception.Message));
        }

        using (response)
        {
            var body = await ReadJson(response, ct);
            if (response.IsSuccessStatusCode)
                return new Result(body, null);
            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e : default;
            return new Result(body, MetaGraphError.From(
                response.StatusCode, Int(error, "code"), Int(error, "error_subcode"), Text(error, "message"), response.Headers.RetryAfter?.Delta));
        }
    }

    private static Uri Url(ChannelConfig channel, string path, IReadOnlyDictionary<string, string> query)
    {
        var token = channel.Secret(MetaConnector.PageAccessToken) ?? "";
        var parameters = new Dictionary<string, string>(query)
        {
            ["access_token"] = token,
            ["appsecret_proof"] = AppSecretProof(token, channel.Secret(MetaConnector.AppSecret) ?? ""),
        };
        var baseUrl = (channel.Setting(MetaConnector.ApiBaseUrl) ?? MetaConnector.DefaultApiBaseUrl).TrimEnd('/');
        var queryString = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{baseUrl}/{path.TrimStart('/')}?{queryString}");
    }

    /// <summary>Meta's <c>appsecret_proof</c>: lowercase hex HMAC-SHA256 of the access token keyed with the app secret.</summary>
    public static string AppSecretProof(string accessToken, string appSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(accessToken)));

    private static async Task<JsonElement> ReadJson(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number : null;
}
