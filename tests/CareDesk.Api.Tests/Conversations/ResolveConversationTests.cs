using System.Net;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Conversations;

/// <summary>Resolving writes an outcome record with the times, the SLA and the sentiment change; a customer writing again reopens it.</summary>
public sealed class ResolveConversationTests(DeskFixture desk) : IClassFixture<DeskFixture>, IAsyncLifetime
{
    private const string Angry = "This is terrible, my order arrived broken and I'm furious.";
    private const string Happy = "Thank you so much, that fixed it. Great service!";

    private readonly CareDeskServer server = desk.Server;
    private readonly GenericChannel channel = desk.Channel;
    private HttpClient agent = null!;

    public async Task InitializeAsync() => agent = await server.ClientForAsync(DemoAccounts.Agent);

    public Task DisposeAsync()
    {
        agent.Dispose();
        return Task.CompletedTask;
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<JsonElement> Detail(string conversationId) =>
        await HttpAssert.Json(await agent.GetAsync($"/api/conversations/{conversationId}"), HttpStatusCode.OK);

    private static double ScoreOf(JsonElement detail, string text) =>
        detail.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("text").GetString() == text)
            .GetProperty("analysis").GetProperty("sentiment").GetProperty("score").GetDouble();

    private async Task<JsonElement> Resolve(string conversationId, string outcome = "resolved") =>
        await HttpAssert.Json(await agent.PostJson($"/api/conversations/{conversationId}/resolve", new { outcome, note = "done" }), HttpStatusCode.OK);

    private Task StartedWaiting(string conversationId, TimeSpan ago, TimeSpan slaWindow) =>
        server.WithDbAsync(async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == Guid.Parse(conversationId));
            conversation.WaitingSince = DateTime.UtcNow - ago;
            conversation.SlaDueAt = conversation.WaitingSince + slaWindow;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_outcome_record_holds_first_response_and_handling_time_the_met_sla_and_the_sentiment_recovery()
    {
        var author = NewId("happy-end");
        var thread = NewId("t");
        var id = await channel.IngestAsync(server, GenericChannel.Mention(thread, Angry, authorId: author));
        await StartedWaiting(id, ago: TimeSpan.FromMinutes(10), slaWindow: TimeSpan.FromMinutes(60));
        await HttpAssert.Json(await agent.PostJson($"/api/conversations/{id}/replies", new { text = "So sorry! A replacement is on its way." }), HttpStatusCode.Accepted);
        await channel.IngestAsync(server, GenericChannel.Mention(NewId("c"), Happy, authorId: author, kind: "comment", threadId: thread));

        var before = DateTime.UtcNow;
        var outcome = await Resolve(id);
        var elapsed = (DateTime.UtcNow - before).TotalSeconds;

        var detail = await Detail(id);
        var start = ScoreOf(detail, Angry);
        var end = ScoreOf(detail, Happy);
        Assert.True(start < -0.05, $"start {start}");
        Assert.True(end > 0.05, $"end {end}");
        Assert.Equal("resolved", outcome.GetProperty("outcome").GetString());
        Assert.Equal("complaint", outcome.GetProperty("intent").GetString());
        var firstResponse = outcome.GetProperty("firstResponseSeconds").GetDouble();
        Assert.InRange(firstResponse, 600, 600 + 30);
        Assert.InRange(outcome.GetProperty("handlingSeconds").GetDouble(), firstResponse, 600 + 30 + elapsed);
        Assert.True(outcome.GetProperty("slaMet").GetBoolean());
        Assert.Equal(start, outcome.GetProperty("sentimentStart").GetDouble(), 6);
        Assert.Equal(end, outcome.GetProperty("sentimentEnd").GetDouble(), 6);
        Assert.Equal(end - start, outcome.GetProperty("sentimentChange").GetDouble(), 6);

        var agentId = await server.UserIdAsync(DemoAccounts.Agent);
        var record = await server.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().SingleAsync(o => o.ConversationId == Guid.Parse(id)));
        Assert.Equal(outcome.GetProperty("id").GetString(), record.Id.ToString());
        Assert.Equal("generic", record.ChannelType);
        Assert.Equal(Guid.Parse(channel.Id), record.ChannelId);
        Assert.Equal(detail.GetProperty("queueId").GetString(), record.QueueId.ToString());
        Assert.Equal(agentId, record.AgentId);
        Assert.Equal("done", record.Note);
        Assert.Equal(record.ResolvedAt.ToString("yyyy-MM-dd"), record.ResolvedDay);
        Assert.Equal("resolved", detail.GetProperty("status").GetString());
        Assert.Equal("met", detail.GetProperty("slaState").GetString());
    }

    [Fact]
    public async Task A_first_response_after_the_sla_due_time_is_recorded_as_breached()
    {
        var id = await channel.IngestAsync(server, GenericChannel.Mention(NewId("late"), Angry, authorId: NewId("late")));
        await StartedWaiting(id, ago: TimeSpan.FromHours(2), slaWindow: TimeSpan.FromHours(1));
        await HttpAssert.Json(await agent.PostJson($"/api/conversations/{id}/replies", new { text = "Sorry for the wait." }), HttpStatusCode.Accepted);

        var outcome = await Resolve(id, "escalated");
        Assert.False(outcome.GetProperty("slaMet").GetBoolean());
        Assert.InRange(outcome.GetProperty("firstResponseSeconds").GetDouble(), 7200, 7200 + 30);
        Assert.Equal("breached", (await Detail(id)).GetProperty("slaState").GetString());
    }

    [Fact]
    public async Task A_conversation_resolved_without_a_reply_has_no_first_response_time()
    {
        var id = await channel.IngestAsync(server, GenericChannel.Mention(NewId("quiet"), "Do you have stores in Leeds?", authorId: NewId("quiet")));
        var outcome = await Resolve(id, "no_action");
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("firstResponseSeconds").ValueKind);
        Assert.True(outcome.GetProperty("slaMet").GetBoolean());
    }

    [Fact]
    public async Task The_customer_writing_again_in_the_thread_reopens_it_with_a_new_sla_clock_and_a_second_record()
    {
        var author = NewId("again");
        var thread = NewId("t");
        var id = await channel.IngestAsync(server, GenericChannel.Mention(thread, Angry, authorId: author));
        await HttpAssert.Json(await agent.PostJson($"/api/conversations/{id}/replies", new { text = "Replacement sent." }), HttpStatusCode.Accepted);
        await channel.IngestAsync(server, GenericChannel.Mention(NewId("c"), Happy, authorId: author, kind: "comment", threadId: thread));
        var first = await Resolve(id);
        var firstSlaDue = (await Detail(id)).GetProperty("slaDueAt").GetDateTime();

        const string again = "It broke again after two days. Really disappointed.";
        var reopenedId = await channel.IngestAsync(server, GenericChannel.Mention(NewId("c"), again, authorId: author, kind: "comment", threadId: thread));
        Assert.Equal(id, reopenedId);

        var reopened = await Detail(id);
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Equal("ok", reopened.GetProperty("slaState").GetString());
        Assert.True(reopened.GetProperty("slaDueAt").GetDateTime() > firstSlaDue);
        var stored = await server.WithDbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(id)));
        var queueMinutes = await server.WithDbAsync(db => db.Queues.Where(q => q.Id == stored.QueueId).Select(q => q.FirstResponseMinutes).SingleAsync());
        Assert.Null(stored.FirstResponseAt);
        Assert.Null(stored.ResolvedAt);
        Assert.True(stored.WaitingSince >= first.GetProperty("resolvedAt").GetDateTime());
        Assert.Equal(stored.WaitingSince.AddMinutes(queueMinutes), stored.SlaDueAt);

        var second = await Resolve(id, "escalated");
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        var records = await server.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().Where(o => o.ConversationId == Guid.Parse(id)).OrderBy(o => o.ResolvedAt).ToListAsync());
        Assert.Equal(["resolved", "escalated"], records.Select(r => r.Outcome));
        // The second record measures the second opening: it starts at the message that reopened it.
        Assert.Equal(ScoreOf(reopened, again), records[1].SentimentStart, 6);
        Assert.Equal(ScoreOf(reopened, again), records[1].SentimentEnd, 6);
        Assert.Null(records[1].FirstResponseSeconds);
        Assert.Equal(ScoreOf(reopened, Angry), records[0].SentimentStart, 6);
    }

    [Fact]
    public async Task A_direct_message_after_resolution_reopens_the_private_conversation()
    {
        var author = NewId("dm");
        var id = await channel.IngestAsync(server, GenericChannel.Mention(NewId("d"), "Hi, can you check my order status?", authorId: author, kind: "direct"));
        await Resolve(id, "answered");

        var again = await channel.IngestAsync(server, GenericChannel.Mention(NewId("d"), "One more question about the same order.", authorId: author, kind: "direct"));
        Assert.Equal(id, again);
        Assert.Equal("open", (await Detail(id)).GetProperty("status").GetString());
        await Resolve(id, "answered");
        Assert.Equal(2, await server.WithDbAsync(db => db.OutcomeRecords.CountAsync(o => o.ConversationId == Guid.Parse(id))));
    }

    [Fact]
    public async Task Resolving_twice_conflicts_and_an_unknown_outcome_is_rejected()
    {
        var id = await channel.IngestAsync(server, GenericChannel.Mention(NewId("twice"), "Do you sell gift cards?", authorId: NewId("twice")));
        var invalid = await HttpAssert.Problem(await agent.PostJson($"/api/conversations/{id}/resolve", new { outcome = "ignored" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("outcome", out _));
        await Resolve(id, "spam");
        await HttpAssert.Problem(await agent.PostJson($"/api/conversations/{id}/resolve", new { outcome = "spam" }), HttpStatusCode.Conflict);
        Assert.Equal(1, await server.WithDbAsync(db => db.OutcomeRecords.CountAsync(o => o.ConversationId == Guid.Parse(id))));
        Assert.Equal(ConversationStatus.Resolved, await server.WithDbAsync(db => db.Conversations.Where(c => c.Id == Guid.Parse(id)).Select(c => c.Status).SingleAsync()));
    }
}
