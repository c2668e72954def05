using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Admin;

public sealed class QueuesTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private HttpClient supervisor = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        server = await CareDeskServer.StartAsync();
        supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        admin = await server.ClientForAsync(DemoAccounts.Admin);
    }

    public async Task DisposeAsync()
    {
        supervisor.Dispose();
        admin.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_queue_round_trips_through_create_list_update_and_delete()
    {
        var agentId = await AdminAssert.UserIdAsync(server, DemoAccounts.Agent);
        var created = await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "Billing", firstResponseMinutes = 20, autoAssign = "roundRobin", memberIds = new[] { agentId } });
        var queue = await AdminAssert.Json(created, HttpStatusCode.Created);
        var id = queue.GetProperty("id").GetString()!;
        Assert.Equal($"/api/queues/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Billing", queue.GetProperty("name").GetString());
        Assert.Equal(20, queue.GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal("roundRobin", queue.GetProperty("autoAssign").GetString());
        Assert.False(queue.GetProperty("isDefault").GetBoolean());
        Assert.Equal([agentId], AdminAssert.Strings(queue.GetProperty("memberIds")));

        using var agent = await server.ClientForAsync(DemoAccounts.Agent);
        var listed = await AdminAssert.Json(await agent.GetAsync("/api/queues"), HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), q => q.GetProperty("id").GetString() == id);

        var agent2Id = await AdminAssert.UserIdAsync(server, DemoAccounts.Agent2);
        var updated = await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/queues/{id}",
            new { name = "Billing & refunds", firstResponseMinutes = 45, autoAssign = "leastLoaded", memberIds = new[] { agent2Id } }), HttpStatusCode.OK);
        Assert.Equal("Billing & refunds", updated.GetProperty("name").GetString());
        Assert.Equal(45, updated.GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal("leastLoaded", updated.GetProperty("autoAssign").GetString());
        Assert.Equal([agent2Id], AdminAssert.Strings(updated.GetProperty("memberIds")));

        var kept = await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/queues/{id}",
            new { name = "Billing & refunds", firstResponseMinutes = 45, autoAssign = "none" }), HttpStatusCode.OK);
        Assert.Equal([agent2Id], AdminAssert.Strings(kept.GetProperty("memberIds")));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/queues/{id}")).StatusCode);
        var after = await AdminAssert.Json(await supervisor.GetAsync("/api/queues"), HttpStatusCode.OK);
        Assert.DoesNotContain(after.EnumerateArray(), q => q.GetProperty("id").GetString() == id);
        await AdminAssert.Problem(await admin.DeleteAsync($"/api/queues/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Making_a_queue_default_undefaults_the_others_and_the_default_cannot_be_deleted()
    {
        var general = await QueueNamed("General");
        Assert.True(general.GetProperty("isDefault").GetBoolean());
        var generalId = general.GetProperty("id").GetString()!;

        var created = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "Front door", firstResponseMinutes = 30, autoAssign = "none", isDefault = true }), HttpStatusCode.Created);
        Assert.True(created.GetProperty("isDefault").GetBoolean());
        var all = await AdminAssert.Json(await supervisor.GetAsync("/api/queues"), HttpStatusCode.OK);
        Assert.Equal([created.GetProperty("id").GetString()],
            all.EnumerateArray().Where(q => q.GetProperty("isDefault").GetBoolean()).Select(q => q.GetProperty("id").GetString()));

        var frontDoorId = created.GetProperty("id").GetString()!;
        await AdminAssert.Problem(await admin.DeleteAsync($"/api/queues/{frontDoorId}"), HttpStatusCode.Conflict);
        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/queues/{frontDoorId}",
            new { name = "Front door", firstResponseMinutes = 30, autoAssign = "none", isDefault = false }), HttpStatusCode.Conflict);

        await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/queues/{generalId}",
            new { name = "General", firstResponseMinutes = 60, autoAssign = "none", isDefault = true }), HttpStatusCode.OK);
        Assert.False((await QueueNamed("Front door")).GetProperty("isDefault").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/queues/{frontDoorId}")).StatusCode);
    }

    [Fact]
    public async Task Invalid_queues_are_rejected_with_400_per_field()
    {
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "", firstResponseMinutes = 30, autoAssign = "none" }), HttpStatusCode.BadRequest, "name");
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "Zero", firstResponseMinutes = 0, autoAssign = "none" }), HttpStatusCode.BadRequest, "firstResponseMinutes");
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "No method", firstResponseMinutes = 30 }), HttpStatusCode.BadRequest, "autoAssign");
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "Odd method", firstResponseMinutes = 30, autoAssign = "sometimes" }), HttpStatusCode.BadRequest);

        var salesId = await AdminAssert.UserIdAsync(server, DemoAccounts.Sales);
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "Sales crew", firstResponseMinutes = 30, autoAssign = "none", memberIds = new[] { salesId } }), HttpStatusCode.BadRequest, "memberIds");
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "Ghosts", firstResponseMinutes = 30, autoAssign = "none", memberIds = new[] { "nobody" } }), HttpStatusCode.BadRequest, "memberIds");

        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/queues/{Guid.NewGuid()}",
            new { name = "Missing", firstResponseMinutes = 30, autoAssign = "none" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_supervisors_and_admins_configure_queues_and_only_admins_delete_them()
    {
        var body = new { name = "Not allowed", firstResponseMinutes = 30, autoAssign = "none" };
        foreach (var email in new[] { DemoAccounts.Agent, DemoAccounts.Sales })
        {
            using var client = await server.ClientForAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/queues", body)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/queues")).StatusCode);
        }
        using var anonymous = server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/queues")).StatusCode);

        var queue = await AdminAssert.Json(await admin.PostAsJsonAsync("/api/queues", body), HttpStatusCode.Created);
        var id = queue.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.DeleteAsync($"/api/queues/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_queue_that_routing_rules_point_at_cannot_be_deleted()
    {
        var complaints = (await QueueNamed("Complaints")).GetProperty("id").GetString();
        await AdminAssert.Problem(await admin.DeleteAsync($"/api/queues/{complaints}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_queue_with_open_conversations_can_be_deleted_once_they_are_resolved()
    {
        var channel = await GenericChannel.CreateAsync(server);
        var queue = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/queues",
            new { name = "Short-lived", firstResponseMinutes = 30, autoAssign = "none" }), HttpStatusCode.Created);
        var queueId = queue.GetProperty("id").GetString();
        var rule = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/routing-rules",
            new { order = 1, name = "Kumquats", keywords = new[] { "kumquat" }, queueId }), HttpStatusCode.Created);
        var conversation = await AdminAssert.RoutedConversationAsync(server, channel, supervisor, "Where can I buy the kumquat edition?");
        Assert.Equal(queueId, conversation.GetProperty("queueId").GetString());

        await AdminAssert.Problem(await admin.DeleteAsync($"/api/queues/{queueId}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/routing-rules/{rule.GetProperty("id").GetString()}")).StatusCode);
        var stillOpen = await AdminAssert.Problem(await admin.DeleteAsync($"/api/queues/{queueId}"), HttpStatusCode.Conflict);
        Assert.Contains("open conversations", stillOpen.GetProperty("detail").GetString());

        var conversationId = conversation.GetProperty("id").GetString();
        await AdminAssert.Json(await supervisor.PostAsJsonAsync($"/api/conversations/{conversationId}/resolve", new { outcome = "answered" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/queues/{queueId}")).StatusCode);
        var resolved = await AdminAssert.Json(await supervisor.GetAsync($"/api/conversations/{conversationId}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, resolved.GetProperty("queueId").ValueKind);
    }

    private async Task<JsonElement> QueueNamed(string name)
    {
        var all = await AdminAssert.Json(await supervisor.GetAsync("/api/queues"), HttpStatusCode.OK);
        return all.EnumerateArray().Single(q => q.GetProperty("name").GetString() == name);
    }
}
