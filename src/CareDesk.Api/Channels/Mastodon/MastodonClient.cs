using System.Net.Http.Headers;
using System.Net.Http.Json;
using static CareDesk.Api.Channels.Mastodon.MastodonPayloads;

namespace CareDesk.Api.Channels.Mastodon;

/// <summary>Mastodon's REST API for one channel's account (typed HttpClient with the connector resilience pipeline).</summary>
public sealed class MastodonClient(HttpClient http)
{
    public async Task<Account> VerifyCredentialsAsync(ChannelConfig channel, CancellationToken ct)
    {
        using var response = await http.SendAsync(Request(channel, HttpMethod.Get, "api/v1/accounts/verify_credentials"), ct);
        await EnsureSuccess(response, "verify the access token", ct);
        return (await response.Content.ReadFromJsonAsync<Account>(Json, ct))!;
    }

    /// <summary>
    /// The mention notifications right after <paramref name="minId"/> (or the newest ones when null). min_id pages
    /// forward from a position, unlike since_id, which returns the newest page and would leave a gap after a long outage.
    /// </summary>
    public async Task<List<Notification>> ListMentionsAsync(ChannelConfig channel, string? minId, int limit, CancellationToken ct)
    {
        var query = $"api/v1/notifications?types[]=mention&limit={limit}" + (minId is null ? "" : $"&min_id={Uri.EscapeDataString(minId)}");
        using var response = await http.SendAsync(Request(channel, HttpMethod.Get, query), ct);
        await EnsureSuccess(response, "list mention notifications", ct);
        return (await response.Content.ReadFromJsonAsync<List<Notification>>(Json, ct))!;
    }

    /// <summary>The streaming API's base URL: the instance's own, unless it announces a separate streaming host.</summary>
    public async Task<Uri> StreamingBaseAsync(ChannelConfig channel, CancellationToken ct)
    {
        using var response = await http.SendAsync(Request(channel, HttpMethod.Get, "api/v2/instance"), ct);
        var announced = response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<Instance>(Json, ct))?.Configuration?.Urls?.Streaming
            : null;
        if (announced is null || !Uri.TryCreate(announced, UriKind.Absolute, out var streaming))
            return BaseUrl(channel);
        var builder = new UriBuilder(streaming) { Scheme = streaming.Scheme switch { "ws" => "http", "wss" => "https", _ => streaming.Scheme }, Port = streaming.IsDefaultPort ? -1 : streaming.Port };
        return new Uri(builder.Uri.ToString().TrimEnd('/') + "/");
    }

    public Task<HttpResponseMessage> GetStatusAsync(ChannelConfig channel, string statusId, CancellationToken ct) =>
        http.SendAsync(Request(channel, HttpMethod.Get, $"api/v1/statuses/{Uri.EscapeDataString(statusId)}"), ct);

    /// <param name="idempotencyKey">Mastodon keeps it for an hour and answers a repeat with the status already created.</param>
    public Task<HttpResponseMessage> PostStatusAsync(ChannelConfig channel, NewStatus status, string idempotencyKey, CancellationToken ct)
    {
        var request = Request(channel, HttpMethod.Post, "api/v1/statuses");
        request.Content = JsonContent.Create(status, options: Json);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request, ct);
    }

    public static Uri BaseUrl(ChannelConfig channel) => new(channel.Setting(MastodonConnector.InstanceUrl)!.TrimEnd('/') + "/");

    public static HttpRequestMessage Request(ChannelConfig channel, HttpMethod method, string path, Uri? baseUrl = null)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUrl ?? BaseUrl(channel), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.Secret(MastodonConnector.AccessToken));
        return request;
    }

    public static async Task<string> ErrorText(HttpResponseMessage response, CancellationToken ct)
    {
        var detail = "";
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            try
            {
                detail = (await response.Content.ReadFromJsonAsync<ErrorBody>(Json, ct))?.Error ?? "";
            }
            catch (System.Text.Json.JsonException)
            {
                // Not Mastodon's error shape (a proxy's page); the status code alone says enough.
            }
        }
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        return detail.Length == 0 ? status : $"{status}: {detail}";
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, string doing, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Mastodon could not {doing}: {await ErrorText(response, ct)}", null, response.StatusCode);
    }
}
