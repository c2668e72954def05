using System.Net;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Leads;

/// <summary>A buying signal reaches sales live as a flagged lead, and sales moves it to won with a value, keeping its history.</summary>
public sealed class ChangeLeadStatusTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private const string Buying = "We're evaluating vendors for 40 seats, can we get a quote and a demo?";

    private readonly CareDeskServer server = desk.Server;
    private readonly GenericChannel channel = desk.Channel;

    private async Task<JsonElement> Move(HttpClient sales, string leadId, object body) =>
        await HttpAssert.Json(await sales.PostJson($"/api/leads/{leadId}/status", body), HttpStatusCode.OK);

    [Fact]
    public async Task A_buying_signal_is_routed_to_sales_enquiries_flagged_live_and_worked_to_won()
    {
        await using var salesHub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Sales));
        var salesInbox = new HubInbox(salesHub);

        var conversationId = await channel.IngestAsync(server, GenericChannel.Mention("buy-1", Buying, authorId: "buyer-1", followers: 5400));

        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var conversation = await HttpAssert.Json(await supervisor.GetAsync($"/api/conversations/{conversationId}"), HttpStatusCode.OK);
        var queues = await HttpAssert.Json(await supervisor.GetAsync("/api/metrics/queues"), HttpStatusCode.OK);
        var salesQueue = queues.EnumerateArray().Single(q => q.GetProperty("name").GetString() == "Sales enquiries").GetProperty("queueId").GetString();
        Assert.Equal(salesQueue, conversation.GetProperty("queueId").GetString());
        Assert.Equal("high", conversation.GetProperty("priority").GetString());
        Assert.Equal("buying", conversation.GetProperty("intent").GetProperty("label").GetString());

        var flagged = await salesInbox.WaitFor("BuyingSignalFlagged", l => l.GetProperty("conversationId").GetString() == conversationId);
        Assert.Equal("flagged", flagged.GetProperty("status").GetString());
        Assert.Equal(Buying, flagged.GetProperty("mention").GetProperty("text").GetString());
        Assert.Equal("generic", flagged.GetProperty("mention").GetProperty("channelType").GetString());
        Assert.Equal(5400, flagged.GetProperty("contact").GetProperty("followers").GetInt32());
        Assert.Equal("@buyer-1", flagged.GetProperty("contact").GetProperty("handle").GetString());
        Assert.NotEmpty(flagged.GetProperty("reasons").EnumerateArray());
        Assert.InRange(flagged.GetProperty("confidence").GetDouble(), 0.01, 1);
        Assert.DoesNotContain(salesInbox.Received, r => r.Type is "ConversationCreated" or "MentionReceived");
        var leadId = flagged.GetProperty("id").GetString()!;

        using var sales = await server.ClientForAsync(DemoAccounts.Sales);
        await Move(sales, leadId, new { status = "new", note = "Accepted" });
        await Move(sales, leadId, new { status = "contacted" });
        await Move(sales, leadId, new { status = "qualified", value = 12000 });
        var won = await Move(sales, leadId, new { status = "won", value = 14500.50, note = "Signed for 40 seats" });
        Assert.Equal("won", won.GetProperty("status").GetString());
        Assert.Equal(14500.50m, won.GetProperty("value").GetDecimal());

        var listed = await HttpAssert.Json(await sales.GetAsync("/api/leads?status=won"), HttpStatusCode.OK);
        var lead = Assert.Single(listed.EnumerateArray(), l => l.GetProperty("id").GetString() == leadId);
        Assert.Equal(14500.50m, lead.GetProperty("value").GetDecimal());
        Assert.Equal(conversationId, lead.GetProperty("conversationId").GetString());
        var history = lead.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["new", "contacted", "qualified", "won"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("value").ValueKind);
        Assert.Equal(12000m, history[2].GetProperty("value").GetDecimal());
        Assert.Equal("Signed for 40 seats", history[3].GetProperty("note").GetString());
        var salesId = await server.UserIdAsync(DemoAccounts.Sales);
        Assert.All(history, h => Assert.Equal(salesId, h.GetProperty("userId").GetString()));
        Assert.Equal(history.Select(h => h.GetProperty("at").GetDateTime()).Order(), history.Select(h => h.GetProperty("at").GetDateTime()));

        Assert.DoesNotContain((await HttpAssert.Json(await sales.GetAsync("/api/leads?status=flagged"), HttpStatusCode.OK)).EnumerateArray(),
            l => l.GetProperty("id").GetString() == leadId);
        // Supervisors see the sales feed as well.
        Assert.Contains((await HttpAssert.Json(await supervisor.GetAsync("/api/leads"), HttpStatusCode.OK)).EnumerateArray(),
            l => l.GetProperty("id").GetString() == leadId);
    }

    [Fact]
    public async Task A_mention_without_a_buying_signal_flags_no_lead()
    {
        using var sales = await server.ClientForAsync(DemoAccounts.Sales);
        var before = (await HttpAssert.Json(await sales.GetAsync("/api/leads"), HttpStatusCode.OK)).GetArrayLength();
        await channel.IngestAsync(server, GenericChannel.Mention("no-buy-1", "The app keeps logging me out, so annoying.", authorId: "not-a-buyer"));
        Assert.Equal(before, (await HttpAssert.Json(await sales.GetAsync("/api/leads"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"status":"maybe"}""")]
    [InlineData("""{"status":"flagged"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"status":"won","value":-5}""")]
    public async Task A_bad_status_or_value_is_rejected_with_400(string json)
    {
        await channel.IngestAsync(server, GenericChannel.Mention($"buy-{Guid.NewGuid():N}", Buying, authorId: $"buyer-{Guid.NewGuid():N}"));
        using var sales = await server.ClientForAsync(DemoAccounts.Sales);
        var leadId = (await HttpAssert.Json(await sales.GetAsync("/api/leads?status=flagged"), HttpStatusCode.OK))[0].GetProperty("id").GetString();

        var response = await sales.PostAsync($"/api/leads/{leadId}/status", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        var lead = (await HttpAssert.Json(await sales.GetAsync("/api/leads"), HttpStatusCode.OK)).EnumerateArray().Single(l => l.GetProperty("id").GetString() == leadId);
        Assert.Equal("flagged", lead.GetProperty("status").GetString());
        Assert.Empty(lead.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_lead_is_404()
    {
        using var sales = await server.ClientForAsync(DemoAccounts.Sales);
        await HttpAssert.Problem(await sales.PostJson($"/api/leads/{Guid.NewGuid()}/status", new { status = "contacted" }), HttpStatusCode.NotFound);
    }
}
