using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Reports;

/// <summary>Three conversations resolved through the API on a desk of their own, so every number of the report is known.</summary>
public sealed class ResolvedOutcomesFixture : DeskFixture
{
    public const string Angry = "This is terrible, my order arrived broken and I'm furious.";

    /// <summary>The outcome views the resolve endpoint answered: recovered and met, not recovered and breached, unanswered.</summary>
    public List<JsonElement> Outcomes { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var agent = await Server.ClientForAsync(DemoAccounts.Agent);
        Outcomes.Add(await Arrange(agent, "recovered", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60), "Replacement on its way.",
            "Thank you so much, that fixed it. Great service!", "resolved"));
        Outcomes.Add(await Arrange(agent, "breached", TimeSpan.FromHours(2), TimeSpan.FromHours(1), "Sorry for the wait.",
            "Still broken. Worst service ever, I'm furious.", "escalated"));
        Outcomes.Add(await Arrange(agent, "quiet", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(60), null, null, "no_action", "Do you have stores in Leeds?"));
    }

    private async Task<JsonElement> Arrange(HttpClient agent, string author, TimeSpan waiting, TimeSpan sla, string? reply, string? followUp, string outcome,
        string opening = Angry)
    {
        var id = await Channel.IngestAsync(Server, GenericChannel.Mention($"{author}-1", opening, authorId: author));
        await Server.WithDbAsync(async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == Guid.Parse(id));
            conversation.WaitingSince = DateTime.UtcNow - waiting;
            conversation.SlaDueAt = conversation.WaitingSince + sla;
            await db.SaveChangesAsync();
        });
        if (reply is not null)
            await HttpAssert.Json(await agent.PostJson($"/api/conversations/{id}/replies", new { text = reply }), HttpStatusCode.Accepted);
        if (followUp is not null)
            await Channel.IngestAsync(Server, GenericChannel.Mention($"{author}-2", followUp, authorId: author, kind: "comment", threadId: $"{author}-1"));
        return await HttpAssert.Json(await agent.PostJson($"/api/conversations/{id}/resolve", new { outcome }), HttpStatusCode.OK);
    }
}

public sealed class GetOutcomeReportTests(ResolvedOutcomesFixture desk) : IClassFixture<ResolvedOutcomesFixture>, IAsyncLifetime
{
    private readonly CareDeskServer server = desk.Server;
    private HttpClient supervisor = null!;

    public async Task InitializeAsync() => supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);

    public Task DisposeAsync()
    {
        supervisor.Dispose();
        return Task.CompletedTask;
    }

    private async Task<List<JsonElement>> Report(string groupBy) =>
        (await HttpAssert.Json(await supervisor.GetAsync($"/api/reports/outcomes?groupBy={groupBy}"), HttpStatusCode.OK)).EnumerateArray().ToList();

    private static double Number(JsonElement outcome, string name) => outcome.GetProperty(name).GetDouble();

    /// <summary>PERCENTILE.INC, the definition the report documents.</summary>
    private static double PercentileOf(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return Math.Round(sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower), 2);
    }

    [Fact]
    public async Task By_channel_the_row_has_the_counts_medians_p90_rates_and_outcomes_of_the_records()
    {
        var (recovered, breached, quiet) = (desk.Outcomes[0], desk.Outcomes[1], desk.Outcomes[2]);
        Assert.True(Number(recovered, "sentimentStart") < -0.05 && Number(recovered, "sentimentEnd") > 0.05, recovered.ToString());
        Assert.True(Number(breached, "sentimentStart") < -0.05 && Number(breached, "sentimentEnd") < -0.05, breached.ToString());
        Assert.True(Number(quiet, "sentimentStart") > -0.05, quiet.ToString());
        Assert.True(recovered.GetProperty("slaMet").GetBoolean());
        Assert.False(breached.GetProperty("slaMet").GetBoolean());
        Assert.True(quiet.GetProperty("slaMet").GetBoolean());

        var row = Assert.Single(await Report("channel"), r => r.GetProperty("key").GetString() == desk.Channel.Id);
        Assert.StartsWith("Test ", row.GetProperty("label").GetString());
        Assert.Equal(3, row.GetProperty("count").GetInt32());
        double[] firstResponses = [Number(recovered, "firstResponseSeconds"), Number(breached, "firstResponseSeconds")];
        Assert.InRange(firstResponses[0], 600, 630);
        Assert.InRange(firstResponses[1], 7200, 7230);
        Assert.Equal(PercentileOf(firstResponses, 0.5), Number(row, "firstResponseSecondsMedian"), 2);
        Assert.Equal(PercentileOf(firstResponses, 0.9), Number(row, "firstResponseSecondsP90"), 2);
        Assert.Equal(PercentileOf(desk.Outcomes.Select(o => Number(o, "handlingSeconds")).ToList(), 0.5), Number(row, "resolutionSecondsMedian"), 2);
        Assert.Equal(0.6667, Number(row, "slaMetRate"), 4);
        Assert.Equal(Math.Round(desk.Outcomes.Average(o => Number(o, "sentimentStart")), 4), Number(row, "sentimentStartAvg"), 4);
        Assert.Equal(Math.Round(desk.Outcomes.Average(o => Number(o, "sentimentEnd")), 4), Number(row, "sentimentEndAvg"), 4);
        Assert.Equal(0.5, Number(row, "sentimentRecoveryRate"), 4);
        var outcomes = row.GetProperty("outcomes");
        Assert.Equal(1, outcomes.GetProperty("resolved").GetInt32());
        Assert.Equal(1, outcomes.GetProperty("escalated").GetInt32());
        Assert.Equal(1, outcomes.GetProperty("no_action").GetInt32());
        Assert.Equal(0, outcomes.GetProperty("answered").GetInt32() + outcomes.GetProperty("sales").GetInt32() + outcomes.GetProperty("spam").GetInt32());
    }

    [Fact]
    public async Task By_queue_agent_intent_and_day_the_records_fall_into_their_groups()
    {
        var byQueue = await Report("queue");
        Assert.Equal(2, byQueue.Single(r => r.GetProperty("label").GetString() == "Complaints").GetProperty("count").GetInt32());
        Assert.Equal(1, byQueue.Single(r => r.GetProperty("label").GetString() == "General").GetProperty("count").GetInt32());

        var byAgent = Assert.Single(await Report("agent"));
        Assert.Equal(await server.UserIdAsync(DemoAccounts.Agent), byAgent.GetProperty("key").GetString());
        Assert.Equal("Alex Agent", byAgent.GetProperty("label").GetString());
        Assert.Equal(3, byAgent.GetProperty("count").GetInt32());

        var byIntent = await Report("intent");
        var complaints = byIntent.Single(r => r.GetProperty("key").GetString() == "complaint");
        Assert.Equal(2, complaints.GetProperty("count").GetInt32());
        Assert.Equal(0.5, Number(complaints, "slaMetRate"), 4);
        Assert.Equal(0.5, Number(complaints, "sentimentRecoveryRate"), 4);
        var questions = byIntent.Single(r => r.GetProperty("key").GetString() == "question");
        Assert.Equal(JsonValueKind.Null, questions.GetProperty("firstResponseSecondsMedian").ValueKind);
        Assert.Equal(JsonValueKind.Null, questions.GetProperty("sentimentRecoveryRate").ValueKind);

        var days = desk.Outcomes.Select(o => o.GetProperty("resolvedAt").GetDateTime().ToString("yyyy-MM-dd")).Distinct().ToList();
        var byDay = await Report("day");
        Assert.Equal(days, byDay.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(3, byDay.Sum(r => r.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task All_folds_the_period_into_one_row_with_exact_medians()
    {
        var all = Assert.Single(await Report("all"));
        Assert.Equal("all", all.GetProperty("key").GetString());
        Assert.Equal(3, all.GetProperty("count").GetInt32());
        double[] firstResponses = [.. desk.Outcomes.Where(o => o.GetProperty("firstResponseSeconds").ValueKind == JsonValueKind.Number).Select(o => Number(o, "firstResponseSeconds"))];
        Assert.Equal(PercentileOf(firstResponses, 0.5), Number(all, "firstResponseSecondsMedian"), 2);
        Assert.Equal(0.6667, Number(all, "slaMetRate"), 4);
    }

    [Fact]
    public async Task As_csv_the_report_has_the_same_numbers()
    {
        var json = await Report("channel");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/outcomes?groupBy=channel");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await supervisor.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);

        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["key", "label", "count", "firstResponseSecondsMedian", "firstResponseSecondsP90", "resolutionSecondsMedian", "slaMetRate",
            "sentimentStartAvg", "sentimentEndAvg", "sentimentRecoveryRate", "resolved", "answered", "escalated", "sales", "no_action", "spam"], header);
        Assert.Equal(json.Count, lines.Length - 1);
        foreach (var (line, row) in lines.Skip(1).Zip(json))
        {
            var cells = line.Split(',');
            Assert.Equal(row.GetProperty("key").GetString(), cells[0]);
            Assert.Equal(row.GetProperty("label").GetString(), cells[1]);
            foreach (var (name, index) in header.Select((h, i) => (h, i)).Skip(2))
            {
                var expected = row.TryGetProperty(name, out var value) ? value : row.GetProperty("outcomes").GetProperty(name);
                if (expected.ValueKind == JsonValueKind.Null)
                    Assert.Equal("", cells[index]);
                else
                    Assert.Equal(expected.GetDouble(), double.Parse(cells[index], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task A_period_filters_by_resolution_time_and_bad_parameters_are_400()
    {
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("O");
        Assert.Empty((await HttpAssert.Json(await supervisor.GetAsync($"/api/reports/outcomes?groupBy=channel&from={Uri.EscapeDataString(tomorrow)}"), HttpStatusCode.OK)).EnumerateArray());
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("O");
        var inPeriod = await HttpAssert.Json(await supervisor.GetAsync($"/api/reports/outcomes?groupBy=agent&from={Uri.EscapeDataString(yesterday)}&to={Uri.EscapeDataString(tomorrow)}"), HttpStatusCode.OK);
        Assert.Equal(3, inPeriod.EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()));

        var badGroup = await HttpAssert.Problem(await supervisor.GetAsync("/api/reports/outcomes?groupBy=weather"), HttpStatusCode.BadRequest);
        Assert.True(badGroup.GetProperty("errors").TryGetProperty("groupBy", out _));
        await HttpAssert.Problem(await supervisor.GetAsync($"/api/reports/outcomes?groupBy=day&from={Uri.EscapeDataString(tomorrow)}&to={Uri.EscapeDataString(yesterday)}"), HttpStatusCode.BadRequest);
    }
}
