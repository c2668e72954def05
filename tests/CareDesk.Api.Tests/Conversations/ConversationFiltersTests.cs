using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Conversations;

public sealed class ConversationFiltersTests : IAsyncLifetime
{
    private CareDeskServer server = null!;

    public async Task InitializeAsync() => server = await CareDeskServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_inbox_filters_by_status_in_the_contracts_lower_case_and_pages_by_cursor()
    {
        var channel = await GenericChannel.CreateAsync(server);
        for (var i = 0; i < 5; i++)
            await channel.PostAsync(server, GenericChannel.Mention($"f-{i}", $"Question number {i} about my account", authorId: $"filter-{i}"));
        using var agent = await server.ClientForAsync(DemoAccounts.Agent);

        var open = await agent.GetFromJsonAsync<JsonElement>("/api/conversations?status=open&limit=3");
        Assert.Equal(3, open.GetProperty("items").GetArrayLength());
        Assert.All(open.GetProperty("items").EnumerateArray(), c => Assert.Equal("open", c.GetProperty("status").GetString()));
        var cursor = open.GetProperty("nextCursor").GetString();
        var rest = await agent.GetFromJsonAsync<JsonElement>($"/api/conversations?status=open&limit=3&cursor={cursor}");
        Assert.Equal(2, rest.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);
        var ids = open.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetString());
        Assert.Equal(5, ids.Distinct().Count());

        var resolved = await agent.GetFromJsonAsync<JsonElement>("/api/conversations?status=resolved");
        Assert.Equal(0, resolved.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/conversations?status=closed", "status")]
    [InlineData("/api/conversations?limit=0", "limit")]
    [InlineData("/api/conversations?cursor=nonsense", "cursor")]
    [InlineData("/api/conversations?queueId=not-a-guid", null)]
    public async Task A_bad_filter_is_a_400_problem_that_says_what_is_wrong(string url, string? field)
    {
        using var agent = await server.ClientForAsync(DemoAccounts.Agent);
        var response = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        else
            Assert.Contains("queueId", problem.GetProperty("detail").GetString());
    }
}
