using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareDesk.Api.Channels.X;

/// <summary>An X API answer: the JSON body on success, or the failure as the outbox understands it.</summary>
public sealed record XApiAnswer(JsonObject? Body, ReplyResult.Failed? Failure);

/// <summary>Calls the X API v2 with the channel's user access token and maps X's errors to permanent or transient failures.</summary>
public sealed class XApiClient(HttpClient http, TimeProvider clock)
{
    public async Task<XApiAnswer> SendAsync(ChannelConfig channel, HttpMethod method, string relativeUrl, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(XConnector.ApiBase(channel), relativeUrl));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.Secret(XConnector.AccessToken));
        if (body is not null)
            request.Content = JsonContent.Create(body);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception exception) when (ConnectorHttp.IsUnreachable(exception, ct))
        {
            return new XApiAnswer(null, new ReplyResult.Failed($"Could not reach X ({exception.Message}).", Transient: true));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
                return new XApiAnswer(ParseObject(text), null);
            return new XApiAnswer(null, Failure(response, ErrorDetail(text)));
        }
    }

    private ReplyResult.Failed Failure(HttpResponseMessage response, string? detail)
    {
        var code = (int)response.StatusCode;
        var because = detail is null ? "" : $" X says: {detail}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new($"X rejected the channel's access token (401). Connect the channel again with a valid user access token.{because}", Transient: false),
            HttpStatusCode.Forbidden => new($"X does not allow this reply (403): the token lacks the scope, or the account may not reply here.{because}", Transient: false),
            HttpStatusCode.NotFound => new($"What is being answered no longer exists on X (404): the post was deleted or the account is gone.{because}", Transient: false),
            HttpStatusCode.TooManyRequests => new($"X's rate limit is reached (429).{because}", Transient: true, RateLimitReset(response)),
            HttpStatusCode.RequestTimeout => new($"X timed out (408).{because}", Transient: true),
            _ when code >= 500 => new($"X is unavailable ({code} {response.ReasonPhrase}).{because}", Transient: true, response.Headers.RetryAfter?.Delta),
            _ => new($"X refused the reply ({code} {response.ReasonPhrase}).{because}", Transient: false),
        };
    }

    /// <summary>X sends the end of the rate-limit window as epoch seconds in <c>x-rate-limit-reset</c>; Retry-After when a proxy answers.</summary>
    private TimeSpan? RateLimitReset(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-rate-limit-reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - clock.GetUtcNow();
            return wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1);
        }
        var retryAfter = response.Headers.RetryAfter;
        return retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>X v2 errors are problem details (<c>title</c>, <c>detail</c>) or an <c>errors</c> array.</summary>
    private static string? ErrorDetail(string text)
    {
        var error = ParseObject(text);
        return error.String("detail") ?? error.Objects("errors").Select(e => e.String("message") ?? e.String("detail")).FirstOrDefault(m => m is not null)
            ?? error.String("title");
    }
}
