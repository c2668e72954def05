using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareDesk.Api.Channels.LinkedIn;

/// <summary>A LinkedIn API answer: the JSON body and the created entity's id on success, or the failure as the outbox understands it.</summary>
public sealed record LinkedInAnswer(JsonObject? Body, string? CreatedId, ReplyResult.Failed? Failure);

/// <summary>Calls LinkedIn's versioned REST API (Rest.li 2.0) with the channel's token and maps its errors to permanent or transient failures.</summary>
public sealed class LinkedInApiClient(HttpClient http)
{
    public async Task<LinkedInAnswer> SendAsync(ChannelConfig channel, HttpMethod method, string relativeUrl, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(LinkedInConnector.ApiBase(channel), relativeUrl));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.Secret(LinkedInConnector.AccessToken));
        request.Headers.Add("LinkedIn-Version", channel.Setting(LinkedInConnector.ApiVersion) ?? LinkedInConnector.DefaultApiVersion);
        request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        if (body is not null)
            request.Content = JsonContent.Create(body);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception exception) when (ConnectorHttp.IsUnreachable(exception, ct))
        {
            return new LinkedInAnswer(null, null, new ReplyResult.Failed($"Could not reach LinkedIn ({exception.Message}).", Transient: true));
        }

        using (response)
        {
            var json = ParseObject(await response.Content.ReadAsStringAsync(ct));
            if (response.IsSuccessStatusCode)
                return new LinkedInAnswer(json, response.Headers.TryGetValues("x-restli-id", out var ids) ? ids.FirstOrDefault() : null, null);
            return new LinkedInAnswer(null, null, Failure(response, json.String("message")));
        }
    }

    private static ReplyResult.Failed Failure(HttpResponseMessage response, string? detail)
    {
        var code = (int)response.StatusCode;
        var because = detail is null ? "" : $" LinkedIn says: {detail}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new($"LinkedIn rejected the channel's access token (401): it expired or was revoked. Connect the channel again.{because}", Transient: false),
            HttpStatusCode.Forbidden => new($"LinkedIn does not allow this (403): the token needs w_organization_social and its member must administer the page.{because}", Transient: false),
            HttpStatusCode.NotFound => new($"What is being answered no longer exists on LinkedIn (404): the post or comment was deleted.{because}", Transient: false),
            HttpStatusCode.TooManyRequests => new($"LinkedIn's rate limit is reached (429).{because}", Transient: true, response.Headers.RetryAfter?.Delta),
            HttpStatusCode.RequestTimeout => new($"LinkedIn timed out (408).{because}", Transient: true),
            _ when code >= 500 => new($"LinkedIn is unavailable ({code} {response.ReasonPhrase}).{because}", Transient: true, response.Headers.RetryAfter?.Delta),
            _ => new($"LinkedIn refused the request ({code} {response.ReasonPhrase}).{because}", Transient: false),
        };
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // An unreadable body leaves only the status code to go by.
            return null;
        }
    }
}
