using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>
/// XRPC calls for one channel's account (typed HttpClient with the connector resilience pipeline). Logs in with the
/// handle and app password, and on ExpiredToken refreshes the session once and repeats the call.
/// </summary>
public sealed class BlueskyClient(HttpClient http, BlueskySessions sessions)
{
    public async Task<Session> SessionAsync(ChannelConfig channel, CancellationToken ct) =>
        sessions.Current(channel.Id) ?? await RenewAsync(channel, expired: null, ct);

    public async Task<NotificationPage> ListNotificationsAsync(ChannelConfig channel, string? cursor, int limit, CancellationToken ct)
    {
        var query = $"app.bsky.notification.listNotifications?reasons=mention&reasons=reply&reasons=quote&limit={limit}"
            + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
        using var response = await SendAsync(channel, () => new HttpRequestMessage(HttpMethod.Get, Xrpc(channel, query)), ct);
        return await Read<NotificationPage>(response, "list notifications", ct);
    }

    /// <summary>Full profiles (with follower counts) of up to 25 accounts.</summary>
    public async Task<List<ProfileView>> GetProfilesAsync(ChannelConfig channel, IReadOnlyCollection<string> dids, CancellationToken ct)
    {
        var query = "app.bsky.actor.getProfiles?" + string.Join("&", dids.Select(d => "actors=" + Uri.EscapeDataString(d)));
        using var response = await SendAsync(channel, () => new HttpRequestMessage(HttpMethod.Get, Xrpc(channel, query)), ct);
        return (await Read<ProfilesPage>(response, "read profiles", ct)).Profiles;
    }

    /// <summary>The posts that still exist among <paramref name="uris"/> (up to 25); deleted ones are simply absent.</summary>
    public async Task<List<PostView>> GetPostsAsync(ChannelConfig channel, IReadOnlyCollection<string> uris, CancellationToken ct)
    {
        var query = "app.bsky.feed.getPosts?" + string.Join("&", uris.Select(u => "uris=" + Uri.EscapeDataString(u)));
        using var response = await SendAsync(channel, () => new HttpRequestMessage(HttpMethod.Get, Xrpc(channel, query)), ct);
        return (await Read<PostsPage>(response, "read posts", ct)).Posts;
    }

    public Task<HttpResponseMessage> CreateRecordAsync(ChannelConfig channel, CreateRecordInput input, CancellationToken ct) =>
        SendAsync(channel, () => new HttpRequestMessage(HttpMethod.Post, Xrpc(channel, "com.atproto.repo.createRecord"))
        {
            Content = JsonContent.Create(input, options: Json),
        }, ct);

    /// <returns>The record, or null when the repository has no record under that key.</returns>
    public async Task<RecordRef?> GetRecordAsync(ChannelConfig channel, string repo, string collection, string rkey, CancellationToken ct)
    {
        var query = $"com.atproto.repo.getRecord?repo={Uri.EscapeDataString(repo)}&collection={collection}&rkey={rkey}";
        using var response = await SendAsync(channel, () => new HttpRequestMessage(HttpMethod.Get, Xrpc(channel, query)), ct);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && (await ErrorOf(response, ct))?.Error == "RecordNotFound")
            return null;
        return await Read<RecordRef>(response, "read our record", ct);
    }

    public static async Task<XrpcError?> ErrorOf(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            return null;
        try
        {
            // As a string: the body may be read again (the expired-token check reads it first), a stream only once.
            return JsonSerializer.Deserialize<XrpcError>(await response.Content.ReadAsStringAsync(ct), Json);
        }
        catch (JsonException)
        {
            // Not an XRPC error body (a proxy's page); the status code alone says enough.
            return null;
        }
    }

    public static async Task<string> ErrorText(HttpResponseMessage response, CancellationToken ct)
    {
        var error = await ErrorOf(response, ct);
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        return error?.Error is null ? status : $"{status}: {error.Error}{(error.Message is null ? "" : " — " + error.Message)}";
    }

    private async Task<HttpResponseMessage> SendAsync(ChannelConfig channel, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var session = await SessionAsync(channel, ct);
        var response = await SendWith(session, build(), ct);
        if (!await IsExpired(response, ct))
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                sessions.Forget(channel.Id); // revoked or changed app password: log in afresh next time
            return response;
        }
        response.Dispose();
        session = await RenewAsync(channel, session, ct);
        return await SendWith(session, build(), ct);
    }

    private Task<HttpResponseMessage> SendWith(Session session, HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessJwt);
        return http.SendAsync(request, ct);
    }

    /// <summary>Refreshes an expired session (or logs in when there is none or the refresh is refused).</summary>
    private async Task<Session> RenewAsync(ChannelConfig channel, Session? expired, CancellationToken ct)
    {
        var gate = sessions.LockFor(channel.Id);
        await gate.WaitAsync(ct);
        try
        {
            var current = sessions.Current(channel.Id);
            if (current is not null && current != expired)
                return current;
            Session? renewed = null;
            if (expired is not null)
            {
                using var refresh = new HttpRequestMessage(HttpMethod.Post, Xrpc(channel, "com.atproto.server.refreshSession"));
                refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", expired.RefreshJwt);
                using var refreshed = await http.SendAsync(refresh, ct);
                if (refreshed.IsSuccessStatusCode)
                    renewed = await refreshed.Content.ReadFromJsonAsync<Session>(Json, ct);
            }
            renewed ??= await CreateSessionAsync(channel, ct);
            sessions.Store(channel.Id, renewed!);
            return renewed!;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Session> CreateSessionAsync(ChannelConfig channel, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(Xrpc(channel, "com.atproto.server.createSession"), new
        {
            identifier = channel.Setting(BlueskyConnector.Handle)!.TrimStart('@'),
            password = channel.Secret(BlueskyConnector.AppPassword),
        }, Json, ct);
        return await Read<Session>(response, "log in with the handle and app password", ct);
    }

    private static async Task<bool> IsExpired(HttpResponseMessage response, CancellationToken ct) =>
        response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized && (await ErrorOf(response, ct))?.Error == "ExpiredToken";

    private static async Task<T> Read<T>(HttpResponseMessage response, string doing, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Bluesky could not {doing}: {await ErrorText(response, ct)}", null, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private static Uri Xrpc(ChannelConfig channel, string methodAndQuery) =>
        new($"{(channel.Setting(BlueskyConnector.ServiceUrl) ?? BlueskyConnector.DefaultServiceUrl).TrimEnd('/')}/xrpc/{methodAndQuery}");
}
