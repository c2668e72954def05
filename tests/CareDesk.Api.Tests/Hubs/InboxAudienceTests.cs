using System.Net;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Hubs;

/// <summary>Conversation messages reach the agents of its queue and its assignee, each once; an agent of other queues hears nothing of it.</summary>
public sealed class InboxAudienceTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private readonly CareDeskServer server = desk.Server;

    [Fact]
    public async Task An_assignee_outside_the_queue_hears_of_the_conversation_once_it_is_theirs_and_only_then()
    {
        var outsiderId = await server.UserIdAsync(DemoAccounts.Agent2);
        await server.WithDbAsync(async db =>
        {
            var general = await db.Queues.SingleAsync(q => q.Name == "General");
            await db.QueueMembers.Where(m => m.QueueId == general.Id && m.UserId == outsiderId).ExecuteDeleteAsync();
        });
        await using var memberHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        await using var outsiderHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent2));
        var member = new HubInbox(memberHub);
        var outsider = new HubInbox(outsiderHub);
        using var outsiderClient = await server.ClientForAsync(DemoAccounts.Agent2);

        var id = await desk.Channel.IngestAsync(server, GenericChannel.Mention("aud-1", "Do you have stores in Leeds?", authorId: "aud"));
        await member.WaitFor("MentionReceived", p => p.GetProperty("conversationId").GetString() == id);
        await HttpAssert.Problem(await outsiderClient.GetAsync($"/api/conversations/{id}"), HttpStatusCode.NotFound);

        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        await HttpAssert.Json(await supervisor.PostJson($"/api/conversations/{id}/assign", new { agentId = outsiderId }), HttpStatusCode.OK);
        var assigned = await outsider.WaitFor("ConversationChanged", p => p.GetProperty("id").GetString() == id);
        Assert.Equal(outsiderId, assigned.GetProperty("assigneeId").GetString());
        await HttpAssert.Json(await outsiderClient.GetAsync($"/api/conversations/{id}"), HttpStatusCode.OK);

        await desk.Channel.IngestAsync(server, GenericChannel.Mention("aud-2", "And in York?", authorId: "aud", kind: "comment", threadId: "aud-1"));
        var followUp = await outsider.WaitFor("MentionReceived", p => p.GetProperty("message").GetProperty("platformMessageId").GetString() == "aud-2");
        await member.WaitFor("MentionReceived", p => p.GetProperty("message").GetProperty("platformMessageId").GetString() == "aud-2");

        // Nothing from before the assignment, and each message once.
        Assert.DoesNotContain(outsider.Received, r => r.Type == "ConversationCreated" || (r.Type == "MentionReceived" && r.Payload.GetProperty("sequence").GetInt64() < assigned.GetProperty("sequence").GetInt64()));
        Assert.Single(outsider.Received, r => r.Type == "MentionReceived" && r.Payload.GetProperty("sequence").GetInt64() == followUp.GetProperty("sequence").GetInt64());
        Assert.Single(member.Received, r => r.Type == "MentionReceived" && r.Payload.GetProperty("sequence").GetInt64() == followUp.GetProperty("sequence").GetInt64());

        // The catch-up log agrees with what was pushed.
        var missed = await HttpAssert.Json(await outsiderClient.GetAsync($"/api/events?after={assigned.GetProperty("sequence").GetInt64() - 1}"), HttpStatusCode.OK);
        Assert.Contains(missed.GetProperty("events").EnumerateArray(), e => e.GetProperty("sequence").GetInt64() == followUp.GetProperty("sequence").GetInt64());
    }
}
