using System.Net;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Conversations;

/// <summary>The inbox list filters by the documented status, queue and assignee values and pages by cursor.</summary>
public sealed class ListConversationsTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private readonly CareDeskServer server = desk.Server;

    private static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task Filters_by_status_and_assignee_as_the_contract_spells_them()
    {
        var open = await desk.Channel.IngestAsync(server, GenericChannel.Mention("list-1", "Do you sell gift cards?", authorId: "list-1"));
        var mine = await desk.Channel.IngestAsync(server, GenericChannel.Mention("list-2", "Do you ship abroad?", authorId: "list-2"));
        var resolved = await desk.Channel.IngestAsync(server, GenericChannel.Mention("list-3", "Are you open today?", authorId: "list-3"));
        using var agent = await server.ClientForAsync(DemoAccounts.Agent);
        await HttpAssert.Json(await agent.PostEmptyAsync($"/api/conversations/{mine}/claim"), HttpStatusCode.OK);
        await HttpAssert.Json(await agent.PostJson($"/api/conversations/{resolved}/resolve", new { outcome = "answered" }), HttpStatusCode.OK);

        var openOnes = Ids(await HttpAssert.Json(await agent.GetAsync("/api/conversations?status=open"), HttpStatusCode.OK));
        Assert.Contains(open, openOnes);
        Assert.DoesNotContain(resolved, openOnes);
        Assert.Contains(resolved, Ids(await HttpAssert.Json(await agent.GetAsync("/api/conversations?status=resolved"), HttpStatusCode.OK)));
        Assert.Equal([mine], Ids(await HttpAssert.Json(await agent.GetAsync("/api/conversations?assignee=me"), HttpStatusCode.OK)));
        Assert.DoesNotContain(mine, Ids(await HttpAssert.Json(await agent.GetAsync("/api/conversations?status=open&assignee=unassigned"), HttpStatusCode.OK)));

        var invalid = await HttpAssert.Problem(await agent.GetAsync("/api/conversations?status=closed"), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats()
    {
        for (var i = 0; i < 5; i++)
            await desk.Channel.IngestAsync(server, GenericChannel.Mention($"page-{i}", $"Question number {i}?", authorId: $"pager-{i}"));
        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var all = Ids(await HttpAssert.Json(await supervisor.GetAsync("/api/conversations?limit=200"), HttpStatusCode.OK));

        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await HttpAssert.Json(await supervisor.GetAsync($"/api/conversations?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"), HttpStatusCode.OK);
            paged.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(all, paged);
        await HttpAssert.Problem(await supervisor.GetAsync("/api/conversations?cursor=nonsense"), HttpStatusCode.BadRequest);
    }
}
