using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Admin;

public sealed class RoutingRulesTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private HttpClient supervisor = null!;

    public async Task InitializeAsync()
    {
        server = await CareDeskServer.StartAsync();
        supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
    }

    public async Task DisposeAsync()
    {
        supervisor.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_rule_round_trips_with_keywords_as_an_array_and_order_as_position()
    {
        var queueId = await CreateQueueAsync("Escalations");
        var seeded = await ListAsync();
        var created = await supervisor.PostAsJsonAsync("/api/routing-rules", new
        {
            name = "Press", keywords = new[] { "journalist", "press inquiry" }, intent = "Question", sentimentBelow = 0.2,
            followersAbove = 10_000, language = "en", queueId, priority = "urgent",
        });
        var rule = await AdminAssert.Json(created, HttpStatusCode.Created);
        var id = rule.GetProperty("id").GetString()!;
        Assert.Equal($"/api/routing-rules/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(seeded.Length + 1, rule.GetProperty("order").GetInt32());
        Assert.Equal(["journalist", "press inquiry"], AdminAssert.Strings(rule.GetProperty("keywords")));
        Assert.Equal("question", rule.GetProperty("intent").GetString());
        Assert.Equal(0.2, rule.GetProperty("sentimentBelow").GetDouble());
        Assert.Equal(10_000, rule.GetProperty("followersAbove").GetInt32());
        Assert.Equal("en", rule.GetProperty("language").GetString());
        Assert.Equal(queueId, rule.GetProperty("queueId").GetString());
        Assert.Equal("urgent", rule.GetProperty("priority").GetString());
        Assert.Equal(JsonValueKind.Null, rule.GetProperty("channelId").ValueKind);

        var updated = await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/routing-rules/{id}",
            new { order = 1, name = "Press first", keywords = new[] { "reporter" }, queueId }), HttpStatusCode.OK);
        Assert.Equal(1, updated.GetProperty("order").GetInt32());
        Assert.Equal(["reporter"], AdminAssert.Strings(updated.GetProperty("keywords")));
        Assert.Equal("normal", updated.GetProperty("priority").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("intent").ValueKind);

        var reordered = await ListAsync();
        Assert.Equal(id, reordered[0].GetProperty("id").GetString());
        Assert.Equal(seeded.Select(r => r.GetProperty("id").GetString()), reordered.Skip(1).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(Enumerable.Range(1, reordered.Length), reordered.Select(r => r.GetProperty("order").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/routing-rules/{id}")).StatusCode);
        var after = await ListAsync();
        Assert.Equal(seeded.Select(r => r.GetProperty("id").GetString()), after.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(Enumerable.Range(1, after.Length), after.Select(r => r.GetProperty("order").GetInt32()));
        await AdminAssert.Problem(await supervisor.DeleteAsync($"/api/routing-rules/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_rules_are_rejected_with_400_per_field()
    {
        var queueId = await CreateQueueAsync("Valid target");
        (object Body, string Field)[] cases =
        [
            (new { name = "No queue" }, "queueId"),
            (new { name = "Unknown queue", queueId = Guid.NewGuid() }, "queueId"),
            (new { name = "", queueId }, "name"),
            (new { name = "Angry intent", intent = "angry", queueId }, "intent"),
            (new { name = "Too positive", sentimentBelow = 1.5, queueId }, "sentimentBelow"),
            (new { name = "Too negative", sentimentBelow = -1.01, queueId }, "sentimentBelow"),
            (new { name = "Negative followers", followersAbove = -1, queueId }, "followersAbove"),
            (new { name = "Comma keyword", keywords = new[] { "refund,return" }, queueId }, "keywords"),
            (new { name = "Blank keyword", keywords = new[] { " " }, queueId }, "keywords"),
            (new { name = "Unknown channel", channelId = Guid.NewGuid(), queueId }, "channelId"),
            (new { name = "Order zero", order = 0, queueId }, "order"),
        ];
        foreach (var (body, field) in cases)
            await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/routing-rules", body), HttpStatusCode.BadRequest, field);

        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/routing-rules/{Guid.NewGuid()}", new { name = "Missing", queueId }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reordering_sets_each_order_to_its_position_and_needs_every_rule_once()
    {
        var ids = (await ListAsync()).Select(r => r.GetProperty("id").GetString()!).ToArray();
        var reversed = ids.Reverse().ToArray();

        var listed = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/routing-rules/order", new { ids = reversed }), HttpStatusCode.OK);
        Assert.Equal(reversed, listed.EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        Assert.Equal(Enumerable.Range(1, ids.Length), listed.EnumerateArray().Select(r => r.GetProperty("order").GetInt32()));
        Assert.Equal(reversed, (await ListAsync()).Select(r => r.GetProperty("id").GetString()!));

        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/routing-rules/order", new { ids = ids.Skip(1) }), HttpStatusCode.BadRequest, "ids");
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/routing-rules/order",
            new { ids = ids.Skip(1).Append(ids[1]) }), HttpStatusCode.BadRequest, "ids");
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/routing-rules/order", new { }), HttpStatusCode.BadRequest, "ids");
    }

    [Fact]
    public async Task Only_supervisors_and_admins_see_and_change_rules()
    {
        foreach (var email in new[] { DemoAccounts.Agent, DemoAccounts.Sales })
        {
            using var client = await server.ClientForAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/routing-rules")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/routing-rules", new { name = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/routing-rules/order", new { ids = Array.Empty<string>() })).StatusCode);
        }
        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/routing-rules")).StatusCode);
    }

    [Fact]
    public async Task Ingest_routes_by_the_first_matching_rule_in_order()
    {
        var channel = await GenericChannel.CreateAsync(server);
        var vip = await CreateQueueAsync("VIP desk");
        var escalations = await CreateQueueAsync("Escalations");
        const string text = "My order arrived broken and the zebra-sauce leaked everywhere!";

        var vipRule = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/routing-rules",
            new { order = 1, name = "Zebra to VIP", keywords = new[] { "Zebra-Sauce" }, queueId = vip, priority = "urgent" }), HttpStatusCode.Created);
        var first = await AdminAssert.RoutedConversationAsync(server, channel, supervisor, text);
        Assert.Equal(vip, first.GetProperty("queueId").GetString());
        Assert.Equal("urgent", first.GetProperty("priority").GetString());

        var escalationRule = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/routing-rules",
            new { order = 1, name = "Zebra to escalations", keywords = new[] { "zebra-sauce" }, queueId = escalations, priority = "high" }), HttpStatusCode.Created);
        var second = await AdminAssert.RoutedConversationAsync(server, channel, supervisor, text);
        Assert.Equal(escalations, second.GetProperty("queueId").GetString());
        Assert.Equal("high", second.GetProperty("priority").GetString());

        var ids = (await ListAsync()).Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.Remove(vipRule.GetProperty("id").GetString()!);
        ids.Insert(0, vipRule.GetProperty("id").GetString()!);
        await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/routing-rules/order", new { ids }), HttpStatusCode.OK);
        Assert.Equal(2, (await ListAsync()).Single(r => r.GetProperty("id").GetString() == escalationRule.GetProperty("id").GetString()).GetProperty("order").GetInt32());
        var third = await AdminAssert.RoutedConversationAsync(server, channel, supervisor, text);
        Assert.Equal(vip, third.GetProperty("queueId").GetString());
    }

    private async Task<JsonElement[]> ListAsync() =>
        (await AdminAssert.Json(await supervisor.GetAsync("/api/routing-rules"), HttpStatusCode.OK)).EnumerateArray().ToArray();

    private async Task<string> CreateQueueAsync(string name)
    {
        var queue = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/queues",
            new { name, firstResponseMinutes = 30, autoAssign = "none" }), HttpStatusCode.Created);
        return queue.GetProperty("id").GetString()!;
    }
}
