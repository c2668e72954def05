using System.Net;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Ingest;

/// <summary>The seeded routing rules pick queue and priority, first match by order; queues that ask for it auto-assign to online agents.</summary>
public sealed class RouteConversationTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private readonly CareDeskServer server = desk.Server;

    private async Task<JsonElement> Routed(string text, int followers = 100)
    {
        var id = await desk.Channel.IngestAsync(server, GenericChannel.Mention($"r-{Guid.NewGuid():N}", text, authorId: $"r-{Guid.NewGuid():N}", followers: followers));
        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        return await HttpAssert.Json(await supervisor.GetAsync($"/api/conversations/{id}"), HttpStatusCode.OK);
    }

    private async Task<string> QueueNamed(string name)
    {
        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var rows = await HttpAssert.Json(await supervisor.GetAsync("/api/metrics/queues"), HttpStatusCode.OK);
        return rows.EnumerateArray().Single(q => q.GetProperty("name").GetString() == name).GetProperty("queueId").GetString()!;
    }

    [Theory]
    [InlineData("Is the app down? Nothing loads since this morning.", 100, "Complaints", "high")]
    [InlineData("We're evaluating vendors for 40 seats, can we get a quote and a demo?", 100, "Sales enquiries", "high")]
    [InlineData("Do you have stores in Leeds?", 100, "General", "normal")]
    [InlineData("Do you have stores in Leeds?", 250_000, "General", "urgent")]
    [InlineData("We're evaluating vendors for 40 seats, can we get a quote and a demo?", 250_000, "General", "urgent")]
    public async Task A_new_conversation_gets_the_queue_and_priority_of_the_first_matching_rule(string text, int followers, string queue, string priority)
    {
        var conversation = await Routed(text, followers);
        Assert.Equal(await QueueNamed(queue), conversation.GetProperty("queueId").GetString());
        Assert.Equal(priority, conversation.GetProperty("priority").GetString());
        Assert.Equal("ok", conversation.GetProperty("slaState").GetString());
        Assert.True(conversation.GetProperty("slaDueAt").GetDateTime() > DateTime.UtcNow);
    }

    [Fact]
    public async Task A_round_robin_queue_takes_turns_among_its_online_agents()
    {
        await using var agent1 = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        await using var agent2 = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent2));
        const string buying = "Could we get pricing for 25 licences and book a demo?";

        var assignees = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            var conversation = await Routed(buying);
            Assert.Equal(await QueueNamed("Sales enquiries"), conversation.GetProperty("queueId").GetString());
            assignees.Add(conversation.GetProperty("assigneeName").GetString());
        }
        Assert.All(assignees, a => Assert.Contains(a, new[] { "Alex Agent", "Bea Agent" }));
        Assert.NotEqual(assignees[0], assignees[1]);
        Assert.Equal(assignees[0], assignees[2]);
        Assert.Equal(assignees[1], assignees[3]);
    }
}
