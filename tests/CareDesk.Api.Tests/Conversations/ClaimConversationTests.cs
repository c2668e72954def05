using System.Net;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Conversations;

/// <summary>Claim, release and assign: exactly one claimer wins a race, only the holder works a claimed conversation.</summary>
public sealed class ClaimConversationTests(DeskFixture desk) : IClassFixture<DeskFixture>, IAsyncLifetime
{
    private readonly CareDeskServer server = desk.Server;
    private readonly GenericChannel channel = desk.Channel;
    private HttpClient agent1 = null!;
    private HttpClient agent2 = null!;
    private HttpClient supervisor = null!;

    public async Task InitializeAsync()
    {
        agent1 = await server.ClientForAsync(DemoAccounts.Agent);
        agent2 = await server.ClientForAsync(DemoAccounts.Agent2);
        supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { agent1, agent2, supervisor })
            client.Dispose();
        return Task.CompletedTask;
    }

    private Task<string> NewConversation(string author) =>
        channel.IngestAsync(server, GenericChannel.Mention($"m-{Guid.NewGuid():N}", "Do you ship to Norway?", authorId: author));

    [Fact]
    public async Task Of_two_agents_claiming_at_once_exactly_one_wins_and_the_other_gets_409()
    {
        var agent1Id = await server.UserIdAsync(DemoAccounts.Agent);
        var agent2Id = await server.UserIdAsync(DemoAccounts.Agent2);
        // Several rounds, so that both orders of arrival and true overlaps get exercised.
        for (var round = 0; round < 8; round++)
        {
            var id = await NewConversation($"race-{Guid.NewGuid():N}");
            var responses = await Task.WhenAll(agent1.PostEmptyAsync($"/api/conversations/{id}/claim"), agent2.PostEmptyAsync($"/api/conversations/{id}/claim"));

            var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            Assert.Single(winners);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            await HttpAssert.Problem(loser, HttpStatusCode.Conflict);

            var winner = await HttpAssert.Json(winners[0], HttpStatusCode.OK);
            var winnerId = winner.GetProperty("assigneeId").GetString();
            Assert.Contains(winnerId, new[] { agent1Id, agent2Id });
            var stored = await HttpAssert.Json(await supervisor.GetAsync($"/api/conversations/{id}"), HttpStatusCode.OK);
            Assert.Equal(winnerId, stored.GetProperty("assigneeId").GetString());
        }
    }

    [Fact]
    public async Task The_loser_cannot_reply_or_resolve_but_the_holder_can_release_it_to_them()
    {
        var id = await NewConversation("loser");
        await HttpAssert.Json(await agent1.PostEmptyAsync($"/api/conversations/{id}/claim"), HttpStatusCode.OK);

        var problem = await HttpAssert.Problem(await agent2.PostEmptyAsync($"/api/conversations/{id}/claim"), HttpStatusCode.Conflict);
        Assert.Contains("Alex Agent", problem.GetProperty("detail").GetString());
        await HttpAssert.Problem(await agent2.PostJson($"/api/conversations/{id}/replies", new { text = "I'll take this one." }), HttpStatusCode.Conflict);
        await HttpAssert.Problem(await agent2.PostJson($"/api/conversations/{id}/resolve", new { outcome = "resolved" }), HttpStatusCode.Conflict);
        await HttpAssert.Problem(await agent2.PostEmptyAsync($"/api/conversations/{id}/release"), HttpStatusCode.Forbidden);
        var detail = await HttpAssert.Json(await agent1.GetAsync($"/api/conversations/{id}"), HttpStatusCode.OK);
        Assert.DoesNotContain(detail.GetProperty("messages").EnumerateArray(), m => m.GetProperty("kind").GetString() == "reply");

        var released = await HttpAssert.Json(await agent1.PostEmptyAsync($"/api/conversations/{id}/release"), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, released.GetProperty("assigneeId").ValueKind);

        var claimed = await HttpAssert.Json(await agent2.PostEmptyAsync($"/api/conversations/{id}/claim"), HttpStatusCode.OK);
        Assert.Equal(await server.UserIdAsync(DemoAccounts.Agent2), claimed.GetProperty("assigneeId").GetString());
        await HttpAssert.Json(await agent2.PostJson($"/api/conversations/{id}/replies", new { text = "On it." }), HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_claim_is_announced_live_once_to_each_other_agent_and_supervisor()
    {
        await using var agent2Hub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent2));
        await using var supervisorHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Supervisor));
        var inboxes = new[] { new HubInbox(agent2Hub), new HubInbox(supervisorHub) };
        var id = await NewConversation("announced");
        await HttpAssert.Json(await agent1.PostEmptyAsync($"/api/conversations/{id}/claim"), HttpStatusCode.OK);
        await HttpAssert.Json(await agent1.PostJson($"/api/conversations/{id}/notes", new { text = "Checking the carrier." }), HttpStatusCode.Created);

        foreach (var inbox in inboxes)
        {
            var claimed = await inbox.WaitFor("ConversationChanged", c => c.GetProperty("id").GetString() == id && c.GetProperty("assigneeName").GetString() == "Alex Agent");
            Assert.True(claimed.GetProperty("sequence").GetInt64() > 0);
            // The note's announcement comes later on the same connection, so by then any second copy of the claim is in too.
            await inbox.WaitFor("ConversationChanged", c => c.GetProperty("id").GetString() == id && c.GetProperty("sequence").GetInt64() > claimed.GetProperty("sequence").GetInt64());
            Assert.Single(inbox.Received, r => r.Type == "ConversationCreated" && r.Payload.GetProperty("id").GetString() == id);
            Assert.Single(inbox.Received, r => r.Type == "ConversationChanged" && r.Payload.GetProperty("sequence").GetInt64() == claimed.GetProperty("sequence").GetInt64());
        }
    }

    [Fact]
    public async Task A_supervisor_assigns_over_a_holder_and_an_agent_may_not_assign()
    {
        var id = await NewConversation("assign");
        var agent2Id = await server.UserIdAsync(DemoAccounts.Agent2);
        await HttpAssert.Json(await agent1.PostEmptyAsync($"/api/conversations/{id}/claim"), HttpStatusCode.OK);

        await HttpAssert.Problem(await agent1.PostJson($"/api/conversations/{id}/assign", new { agentId = agent2Id }), HttpStatusCode.Forbidden);

        var assigned = await HttpAssert.Json(await supervisor.PostJson($"/api/conversations/{id}/assign", new { agentId = agent2Id }), HttpStatusCode.OK);
        Assert.Equal(agent2Id, assigned.GetProperty("assigneeId").GetString());
        await HttpAssert.Problem(await agent1.PostJson($"/api/conversations/{id}/replies", new { text = "Still mine?" }), HttpStatusCode.Conflict);
        await HttpAssert.Json(await agent2.PostJson($"/api/conversations/{id}/replies", new { text = "Taking over." }), HttpStatusCode.Accepted);

        var sales = await server.UserIdAsync(DemoAccounts.Sales);
        var invalid = await HttpAssert.Problem(await supervisor.PostJson($"/api/conversations/{id}/assign", new { agentId = sales }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("agentId", out _));

        var supervisorRelease = await HttpAssert.Json(await supervisor.PostEmptyAsync($"/api/conversations/{id}/release"), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, supervisorRelease.GetProperty("assigneeId").ValueKind);
    }

    [Fact]
    public async Task Claiming_a_resolved_or_unknown_conversation_fails_plainly()
    {
        var id = await NewConversation("resolved");
        await HttpAssert.Json(await agent1.PostJson($"/api/conversations/{id}/resolve", new { outcome = "no_action" }), HttpStatusCode.OK);
        await HttpAssert.Problem(await agent2.PostEmptyAsync($"/api/conversations/{id}/claim"), HttpStatusCode.Conflict);
        await HttpAssert.Problem(await agent2.PostEmptyAsync($"/api/conversations/{Guid.NewGuid()}/claim"), HttpStatusCode.NotFound);
    }
}
