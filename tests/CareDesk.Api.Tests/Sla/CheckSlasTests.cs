using System.Net;
using System.Text.Json;
using CareDesk.Api.Features.Sla;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Sla;

/// <summary>The SLA check marks waiting conversations at risk or breached, alerts supervisors and the assignee once, and moves the queue metrics.</summary>
public sealed class CheckSlasTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private readonly CareDeskServer server = desk.Server;
    private readonly GenericChannel channel = desk.Channel;

    private Task<string> Waiting(string id) =>
        channel.IngestAsync(server, GenericChannel.Mention(id, "Do you deliver on Saturdays?", authorId: id));

    private Task Clock(string conversationId, TimeSpan waited, TimeSpan window) =>
        server.WithDbAsync(async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == Guid.Parse(conversationId));
            conversation.WaitingSince = DateTime.UtcNow - waited;
            conversation.SlaDueAt = conversation.WaitingSince + window;
            await db.SaveChangesAsync();
        });

    private async Task<JsonElement> GeneralQueue(HttpClient supervisor)
    {
        var rows = await HttpAssert.Json(await supervisor.GetAsync("/api/metrics/queues"), HttpStatusCode.OK);
        return rows.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "General");
    }

    [Fact]
    public async Task At_risk_and_breached_conversations_raise_alerts_and_show_in_the_queue_metrics()
    {
        await using var supervisorHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Supervisor));
        var supervisorInbox = new HubInbox(supervisorHub);
        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var before = await GeneralQueue(supervisor);

        var atRisk = await Waiting("sla-at-risk");
        var breached = await Waiting("sla-breached");
        var fine = await Waiting("sla-fine");
        await Clock(atRisk, waited: TimeSpan.FromMinutes(50), window: TimeSpan.FromMinutes(60));
        await Clock(breached, waited: TimeSpan.FromMinutes(61), window: TimeSpan.FromMinutes(60));
        await Clock(fine, waited: TimeSpan.FromMinutes(10), window: TimeSpan.FromMinutes(60));
        // The breached one is held by an agent, who is alerted too.
        await using var agentHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        var agentInbox = new HubInbox(agentHub);
        using var agent = await server.ClientForAsync(DemoAccounts.Agent);
        await HttpAssert.Json(await agent.PostEmptyAsync($"/api/conversations/{breached}/claim"), HttpStatusCode.OK);

        await server.SendAsync(new CheckSlas.Command());

        var riskAlert = await supervisorInbox.WaitFor("SlaAlert", p => p.GetProperty("conversationId").GetString() == atRisk);
        Assert.Equal("atRisk", riskAlert.GetProperty("kind").GetString());
        var breachAlert = await supervisorInbox.WaitFor("SlaAlert", p => p.GetProperty("conversationId").GetString() == breached);
        Assert.Equal("breached", breachAlert.GetProperty("kind").GetString());
        var due = await server.WithDbAsync(db => db.Conversations.Where(c => c.Id == Guid.Parse(breached)).Select(c => c.SlaDueAt).SingleAsync());
        Assert.Equal(due, breachAlert.GetProperty("dueAt").GetDateTime());
        var agentAlert = await agentInbox.WaitFor("SlaAlert", p => p.GetProperty("conversationId").GetString() == breached);
        Assert.Equal("breached", agentAlert.GetProperty("kind").GetString());
        await supervisorInbox.WaitFor("ConversationChanged", p => p.GetProperty("id").GetString() == atRisk && p.GetProperty("slaState").GetString() == "atRisk");
        await supervisorInbox.WaitFor("ConversationChanged", p => p.GetProperty("id").GetString() == breached && p.GetProperty("slaState").GetString() == "breached");
        Assert.DoesNotContain(supervisorInbox.Received, r => r.Type == "SlaAlert" && r.Payload.GetProperty("conversationId").GetString() == fine);

        var after = await GeneralQueue(supervisor);
        Assert.Equal(before.GetProperty("slaAtRisk").GetInt32() + 1, after.GetProperty("slaAtRisk").GetInt32());
        Assert.Equal(before.GetProperty("slaBreached").GetInt32() + 1, after.GetProperty("slaBreached").GetInt32());
        Assert.True(after.GetProperty("oldestWaitSeconds").GetDouble() >= 50 * 60);
        await supervisorInbox.WaitFor("QueueMetricsChanged", p => p.GetProperty("queues").EnumerateArray()
            .Any(q => q.GetProperty("name").GetString() == "General" && q.GetProperty("slaBreached").GetInt32() == after.GetProperty("slaBreached").GetInt32()));

        // Once per change: a second check alerts nobody again.
        Assert.Equal(0, await server.SendAsync(new CheckSlas.Command()));
        Assert.Single(supervisorInbox.Received, r => r.Type == "SlaAlert" && r.Payload.GetProperty("conversationId").GetString() == breached);

        // Time passes for the one at risk: it is breached now, and alerted as such.
        await Clock(atRisk, waited: TimeSpan.FromMinutes(70), window: TimeSpan.FromMinutes(60));
        await server.SendAsync(new CheckSlas.Command());
        await supervisorInbox.WaitFor("SlaAlert", p => p.GetProperty("conversationId").GetString() == atRisk && p.GetProperty("kind").GetString() == "breached");

        var later = await GeneralQueue(supervisor);
        Assert.Equal(before.GetProperty("slaAtRisk").GetInt32(), later.GetProperty("slaAtRisk").GetInt32());
        Assert.Equal(before.GetProperty("slaBreached").GetInt32() + 2, later.GetProperty("slaBreached").GetInt32());

        // A late first reply settles the clock as breached; the check leaves it alone from then on.
        await HttpAssert.Json(await agent.PostJson($"/api/conversations/{breached}/replies", new { text = "Sorry for the wait!" }), HttpStatusCode.Accepted);
        Assert.Equal("breached", (await HttpAssert.Json(await agent.GetAsync($"/api/conversations/{breached}"), HttpStatusCode.OK)).GetProperty("slaState").GetString());
        Assert.Equal(0, await server.SendAsync(new CheckSlas.Command()));
    }

    [Fact]
    public async Task A_new_mention_pushes_queue_metrics_to_a_connected_supervisor()
    {
        await using var supervisorHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Supervisor));
        var inbox = new HubInbox(supervisorHub);
        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var waitingBefore = (await GeneralQueue(supervisor)).GetProperty("waiting").GetInt32();

        await Waiting($"metrics-{Guid.NewGuid():N}");

        var pushed = await inbox.WaitFor("QueueMetricsChanged", p => p.GetProperty("queues").EnumerateArray()
            .Any(q => q.GetProperty("name").GetString() == "General" && q.GetProperty("waiting").GetInt32() == waitingBefore + 1));
        Assert.True(pushed.GetProperty("sequence").GetInt64() > 0);
        var general = pushed.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "General");
        var queried = await GeneralQueue(supervisor);
        Assert.Equal(queried.GetProperty("queueId").GetString(), general.GetProperty("queueId").GetString());
        Assert.Equal(queried.GetProperty("waiting").GetInt32(), general.GetProperty("waiting").GetInt32());

        await using var agentHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        var agentInbox = new HubInbox(agentHub);
        await Waiting($"metrics-{Guid.NewGuid():N}");
        await inbox.WaitFor("QueueMetricsChanged", p => p.GetProperty("queues").EnumerateArray()
            .Any(q => q.GetProperty("name").GetString() == "General" && q.GetProperty("waiting").GetInt32() == waitingBefore + 2 && q.GetProperty("agentsOnline").GetInt32() >= 1));
        await agentInbox.WaitFor("ConversationCreated");
        Assert.DoesNotContain(agentInbox.Received, r => r.Type == "QueueMetricsChanged");
    }
}
