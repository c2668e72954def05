using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Admin;

public static class AdminAssert
{
    /// <summary>Asserts a problem+json answer with the status and, for 400s, an error on the field; returns the body.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error on {field}: {problem}");
        return problem;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<string> UserIdAsync(CareDeskServer server, string email) =>
        server.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Posts a signed mention and returns its conversation as a supervisor sees it, routed by then.</summary>
    public static async Task<JsonElement> RoutedConversationAsync(CareDeskServer server, GenericChannel channel, HttpClient supervisor, string text)
    {
        var author = Guid.NewGuid().ToString("N");
        var ingested = await Json(await channel.PostAsync(server, GenericChannel.Mention($"m-{author}", text, authorId: author)), HttpStatusCode.Accepted);
        var conversationId = ingested.GetProperty("conversationId").GetString();
        return await Json(await supervisor.GetAsync($"/api/conversations/{conversationId}"), HttpStatusCode.OK);
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
