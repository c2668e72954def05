using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Events;

/// <summary>A client that was away asks for what it missed and gets exactly the events it would have received, in order.</summary>
public sealed class GetEventsAfterTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private readonly CareDeskServer server = desk.Server;
    private readonly GenericChannel channel = desk.Channel;

    private sealed record Event(long Sequence, string Type, JsonElement Payload);

    private async Task<(List<Event> Events, bool HasMore, long LastSequence)> EventsAfter(HttpClient client, long after, int? limit = null)
    {
        var body = await HttpAssert.Json(await client.GetAsync($"/api/events?after={after}{(limit is null ? "" : $"&limit={limit}")}"), HttpStatusCode.OK);
        var events = body.GetProperty("events").EnumerateArray()
            .Select(e => new Event(e.GetProperty("sequence").GetInt64(), e.GetProperty("type").GetString()!, e.GetProperty("payload"))).ToList();
        return (events, body.GetProperty("hasMore").GetBoolean(), body.GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task A_reconnecting_agent_gets_exactly_what_it_missed_and_sales_and_supervisors_get_their_own()
    {
        var agentToken = await server.LoginAsync(DemoAccounts.Agent);
        await using var stayer = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent2));
        var stayed = new HubInbox(stayer);

        long seen;
        var first = await channel.IngestAsync(server, GenericChannel.Mention("ev-1", "Do you deliver on Saturdays?", authorId: "ev-customer"));
        await using (var away = await server.ConnectHubAsync(agentToken))
        {
            var inbox = new HubInbox(away);
            await channel.PostAsync(server, GenericChannel.Mention("ev-2", "And on Sundays?", authorId: "ev-customer", kind: "comment", threadId: "ev-1"));
            await inbox.WaitFor("MentionReceived", p => p.GetProperty("message").GetProperty("platformMessageId").GetString() == "ev-2");
            seen = inbox.Received.Max(r => r.Payload.GetProperty("sequence").GetInt64());
        }

        // While the agent is away: a buying signal, a claim, a reply that fails (receive-only channel) and a note.
        var buying = await channel.IngestAsync(server, GenericChannel.Mention("ev-3", "We're evaluating vendors for 40 seats, can we get a quote and a demo?", authorId: "ev-buyer"));
        using var agent2 = await server.ClientForAsync(DemoAccounts.Agent2);
        await HttpAssert.Json(await agent2.PostEmptyAsync($"/api/conversations/{first}/claim"), HttpStatusCode.OK);
        var reply = await HttpAssert.Json(await agent2.PostJson($"/api/conversations/{first}/replies", new { text = "Yes, 9 to 5." }), HttpStatusCode.Accepted);
        var replyId = reply.GetProperty("replyId").GetString();
        await HttpAssert.Json(await agent2.PostJson($"/api/conversations/{first}/notes", new { text = "Weekend question" }), HttpStatusCode.Created);
        await stayed.WaitFor("ReplyStatusChanged", p => p.GetProperty("replyId").GetString() == replyId && p.GetProperty("status").GetString() == "failed");

        using var agent = server.CreateClient(agentToken);
        var (missed, hasMore, lastSequence) = await EventsAfter(agent, seen);
        Assert.False(hasMore);
        Assert.NotEmpty(missed);
        Assert.True(lastSequence >= missed[^1].Sequence);
        Assert.All(missed, e => Assert.True(e.Sequence > seen));
        Assert.Equal(missed.Select(e => e.Sequence).Order(), missed.Select(e => e.Sequence));
        Assert.Equal(missed.Count, missed.Select(e => e.Sequence).Distinct().Count());
        Assert.All(missed, e => Assert.Equal(e.Sequence, e.Payload.GetProperty("sequence").GetInt64()));
        Assert.DoesNotContain(missed, e => e.Type is "QueueMetricsChanged" or "BuyingSignalFlagged");
        Assert.Contains(missed, e => e.Type == "ConversationCreated" && e.Payload.GetProperty("id").GetString() == buying);
        Assert.Contains(missed, e => e.Type == "ConversationChanged" && e.Payload.GetProperty("id").GetString() == first && e.Payload.GetProperty("assigneeName").GetString() == "Bea Agent");
        Assert.Contains(missed, e => e.Type == "ReplyStatusChanged" && e.Payload.GetProperty("replyId").GetString() == replyId && e.Payload.GetProperty("status").GetString() == "queued");
        var failed = Assert.Single(missed, e => e.Type == "ReplyStatusChanged" && e.Payload.GetProperty("status").GetString() == "failed");
        Assert.Contains("receive-only", failed.Payload.GetProperty("error").GetString());

        // Exactly what an agent with the same queues received live over the same time, payloads included.
        var live = await Eventually.Get(
            () => Task.FromResult(stayed.Received.Where(r => r.Payload.GetProperty("sequence").GetInt64() is var s && s > seen && s <= missed[^1].Sequence).ToList()),
            received => received.Count >= missed.Count);
        Assert.Equal(live.Select(r => (r.Payload.GetProperty("sequence").GetInt64(), r.Type)), missed.Select(e => (e.Sequence, e.Type)));
        foreach (var (received, caughtUp) in live.Zip(missed))
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(received.Payload.GetRawText()), JsonNode.Parse(caughtUp.Payload.GetRawText())), $"{received.Payload} vs {caughtUp.Payload}");

        using var sales = await server.ClientForAsync(DemoAccounts.Sales);
        var (salesMissed, _, _) = await EventsAfter(sales, seen);
        var flagged = Assert.Single(salesMissed);
        Assert.Equal("BuyingSignalFlagged", flagged.Type);
        Assert.Equal("flagged", flagged.Payload.GetProperty("status").GetString());
        Assert.Equal(buying, flagged.Payload.GetProperty("conversationId").GetString());
        Assert.Equal(flagged.Sequence, flagged.Payload.GetProperty("sequence").GetInt64());

        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var (supervisorMissed, _, _) = await EventsAfter(supervisor, seen);
        Assert.Contains(supervisorMissed, e => e.Type == "BuyingSignalFlagged");
        Assert.Contains(supervisorMissed, e => e.Type == "QueueMetricsChanged");
        Assert.Superset(missed.Select(e => e.Sequence).ToHashSet(), supervisorMissed.Select(e => e.Sequence).ToHashSet());
    }

    [Fact]
    public async Task Events_come_in_pages_when_a_limit_is_given()
    {
        await channel.IngestAsync(server, GenericChannel.Mention("page-1", "Question one?", authorId: "pager-1"));
        await channel.IngestAsync(server, GenericChannel.Mention("page-2", "Question two?", authorId: "pager-2"));
        using var agent = await server.ClientForAsync(DemoAccounts.Agent);
        var (all, _, _) = await EventsAfter(agent, 0);
        Assert.True(all.Count >= 4);

        var paged = new List<Event>();
        var after = 0L;
        while (true)
        {
            var (page, hasMore, _) = await EventsAfter(agent, after, limit: 3);
            Assert.InRange(page.Count, 1, 3);
            paged.AddRange(page);
            after = page[^1].Sequence;
            if (!hasMore)
                break;
        }
        Assert.Equal(all.Select(e => e.Sequence), paged.Select(e => e.Sequence).Where(s => s <= all[^1].Sequence));

        await HttpAssert.Problem(await agent.GetAsync("/api/events?after=-1"), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await agent.GetAsync("/api/events?after=0&limit=0"), HttpStatusCode.BadRequest);
    }
}
