using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareDesk.Api.Tests.Infrastructure;

public static class HttpAssert
{
    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>Asserts an RFC 7807 answer with the status, and returns it.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await Json(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string path) => client.PostAsync(path, null);

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);
}
