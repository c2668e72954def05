using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Admin;

public sealed class UsersTests : IAsyncLifetime
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
    public async Task Supervisors_list_users_with_roles_capacity_queues_and_presence()
    {
        var agent = await UserAsync(DemoAccounts.Agent);
        Assert.Equal(["Agent"], AdminAssert.Strings(agent.GetProperty("roles")));
        Assert.Equal(10, agent.GetProperty("capacity").GetInt32());
        var queues = await AdminAssert.Json(await supervisor.GetAsync("/api/queues"), HttpStatusCode.OK);
        Assert.Equal(queues.EnumerateArray().Select(q => q.GetProperty("id").GetString()!).Order(), AdminAssert.Strings(agent.GetProperty("queueIds")).Order());
        Assert.False(agent.GetProperty("online").GetBoolean());
        Assert.Equal(["Admin"], AdminAssert.Strings((await UserAsync(DemoAccounts.Admin)).GetProperty("roles")));

        await using var hub = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        await Eventually.Get(() => UserAsync(DemoAccounts.Agent), u => u.GetProperty("online").GetBoolean());
        Assert.False((await UserAsync(DemoAccounts.Agent2)).GetProperty("online").GetBoolean());

        await AdminAssert.Json(await admin.GetAsync("/api/users"), HttpStatusCode.OK);
        foreach (var email in new[] { DemoAccounts.Agent, DemoAccounts.Sales })
        {
            using var client = await server.ClientForAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        }
    }

    [Fact]
    public async Task An_admin_creates_a_user_who_can_sign_in_with_the_roles_given()
    {
        var created = await admin.PostAsJsonAsync("/api/users",
            new { name = "Nia Agent", email = "nia@example.test", password = "Str0ng!pass", roles = new[] { "Agent", "Sales" }, capacity = 4 });
        var user = await AdminAssert.Json(created, HttpStatusCode.Created);
        var id = user.GetProperty("id").GetString();
        Assert.Equal($"/api/users/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Nia Agent", user.GetProperty("name").GetString());
        Assert.Equal("nia@example.test", user.GetProperty("email").GetString());
        Assert.Equal(["Agent", "Sales"], AdminAssert.Strings(user.GetProperty("roles")));
        Assert.Equal(4, user.GetProperty("capacity").GetInt32());
        Assert.Empty(user.GetProperty("queueIds").EnumerateArray());
        Assert.False(user.GetProperty("online").GetBoolean());

        using var nia = server.CreateClient(await server.LoginAsync("nia@example.test", "Str0ng!pass"));
        Assert.Equal(HttpStatusCode.OK, (await nia.GetAsync("/api/leads")).StatusCode);

        var defaults = await AdminAssert.Json(await admin.PostAsJsonAsync("/api/users",
            new { name = "Default capacity", email = "dc@example.test", password = "Str0ng!pass", roles = new[] { "Agent" } }), HttpStatusCode.Created);
        Assert.Equal(10, defaults.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task Identity_and_field_errors_on_create_are_400s_and_only_admins_create()
    {
        var duplicate = await AdminAssert.Problem(await admin.PostAsJsonAsync("/api/users",
            new { name = "Twin", email = DemoAccounts.Agent, password = "Str0ng!pass", roles = new[] { "Agent" } }), HttpStatusCode.BadRequest, "email");
        Assert.Contains(AdminAssert.Strings(duplicate.GetProperty("errors").GetProperty("email")), m => m.Contains("already taken"));
        var weak = await AdminAssert.Problem(await admin.PostAsJsonAsync("/api/users",
            new { name = "Weak", email = "weak@example.test", password = "password", roles = new[] { "Agent" } }), HttpStatusCode.BadRequest, "password");
        Assert.NotEmpty(weak.GetProperty("errors").GetProperty("password").EnumerateArray());

        await AdminAssert.Problem(await admin.PostAsJsonAsync("/api/users",
            new { name = "Bad role", email = "role@example.test", password = "Str0ng!pass", roles = new[] { "Boss" } }), HttpStatusCode.BadRequest, "roles");
        await AdminAssert.Problem(await admin.PostAsJsonAsync("/api/users",
            new { name = "No role", email = "none@example.test", password = "Str0ng!pass" }), HttpStatusCode.BadRequest, "roles");
        await AdminAssert.Problem(await admin.PostAsJsonAsync("/api/users",
            new { name = "", email = "not-an-email", password = "Str0ng!pass", roles = new[] { "Agent" }, capacity = -1 }), HttpStatusCode.BadRequest, "email");
        Assert.DoesNotContain(await ListAsync(admin), u => u.GetProperty("email").GetString() == "weak@example.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/users",
            new { name = "Sneaky", email = "sneaky@example.test", password = "Str0ng!pass", roles = new[] { "Admin" } })).StatusCode);
    }

    [Fact]
    public async Task An_admin_replaces_roles_and_the_desk_keeps_its_last_admin()
    {
        var agent2 = (await UserAsync(DemoAccounts.Agent2)).GetProperty("id").GetString();
        var promoted = await AdminAssert.Json(await admin.PutAsJsonAsync($"/api/users/{agent2}/roles", new { roles = new[] { "Supervisor", "Agent" } }), HttpStatusCode.OK);
        Assert.Equal(["Agent", "Supervisor"], AdminAssert.Strings(promoted.GetProperty("roles")));
        Assert.NotEmpty(promoted.GetProperty("queueIds").EnumerateArray());
        using (var asSupervisor = await server.ClientForAsync(DemoAccounts.Agent2))
            Assert.Equal(HttpStatusCode.OK, (await asSupervisor.GetAsync("/api/users")).StatusCode);

        var sales = await AdminAssert.Json(await admin.PutAsJsonAsync($"/api/users/{agent2}/roles", new { roles = new[] { "Sales" } }), HttpStatusCode.OK);
        Assert.Equal(["Sales"], AdminAssert.Strings(sales.GetProperty("roles")));
        Assert.Empty(sales.GetProperty("queueIds").EnumerateArray());

        var adminId = (await UserAsync(DemoAccounts.Admin)).GetProperty("id").GetString();
        await AdminAssert.Problem(await admin.PutAsJsonAsync($"/api/users/{adminId}/roles", new { roles = new[] { "Supervisor" } }), HttpStatusCode.Conflict);
        await AdminAssert.Problem(await admin.PutAsJsonAsync($"/api/users/{agent2}/roles", new { roles = new[] { "Owner" } }), HttpStatusCode.BadRequest, "roles");
        await AdminAssert.Problem(await admin.PutAsJsonAsync("/api/users/nobody/roles", new { roles = new[] { "Agent" } }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync($"/api/users/{agent2}/roles", new { roles = new[] { "Admin" } })).StatusCode);
    }

    [Fact]
    public async Task Supervisors_set_an_agents_queues_which_only_agents_and_supervisors_join()
    {
        var queue = await CreateQueueAsync("Night shift");
        var agentId = (await UserAsync(DemoAccounts.Agent)).GetProperty("id").GetString();
        var agent = await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/users/{agentId}/queues", new { queueIds = new[] { queue } }), HttpStatusCode.OK);
        Assert.Equal([queue], AdminAssert.Strings(agent.GetProperty("queueIds")));
        var queues = await AdminAssert.Json(await supervisor.GetAsync("/api/queues"), HttpStatusCode.OK);
        foreach (var q in queues.EnumerateArray())
            Assert.Equal(q.GetProperty("id").GetString() == queue, AdminAssert.Strings(q.GetProperty("memberIds")).Contains(agentId));

        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/users/{agentId}/queues", new { queueIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest, "queueIds");
        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/users/{agentId}/queues", new { }), HttpStatusCode.BadRequest, "queueIds");
        var salesId = (await UserAsync(DemoAccounts.Sales)).GetProperty("id").GetString();
        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/users/{salesId}/queues", new { queueIds = new[] { queue } }), HttpStatusCode.Conflict);
        await AdminAssert.Problem(await supervisor.PutAsJsonAsync("/api/users/nobody/queues", new { queueIds = new[] { queue } }), HttpStatusCode.NotFound);
        using var asAgent = await server.ClientForAsync(DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await asAgent.PutAsJsonAsync($"/api/users/{agentId}/queues", new { queueIds = Array.Empty<Guid>() })).StatusCode);
    }

    [Fact]
    public async Task A_new_queue_member_sees_its_conversations_at_once_and_gets_them_live_from_its_next_connection()
    {
        var channel = await GenericChannel.CreateAsync(server);
        var queue = await CreateQueueAsync("Weekend");
        await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/routing-rules",
            new { order = 1, name = "Weekend words", keywords = new[] { "saturday" }, queueId = queue }), HttpStatusCode.Created);
        var agentToken = await server.LoginAsync(DemoAccounts.Agent);
        using var agent = server.CreateClient(agentToken);
        var agentId = (await UserAsync(DemoAccounts.Agent)).GetProperty("id").GetString();
        await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/users/{agentId}/queues", new { queueIds = Array.Empty<Guid>() }), HttpStatusCode.OK);

        var before = await AdminAssert.RoutedConversationAsync(server, channel, supervisor, "Are you open on saturday?");
        Assert.DoesNotContain(await AgentQueueListAsync(agent, queue), id => id == before.GetProperty("id").GetString());

        await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/users/{agentId}/queues", new { queueIds = new[] { queue } }), HttpStatusCode.OK);
        Assert.Contains(await AgentQueueListAsync(agent, queue), id => id == before.GetProperty("id").GetString());

        await using var hub = await server.ConnectHubAsync(agentToken);
        var inbox = new HubInbox(hub);
        var after = await AdminAssert.RoutedConversationAsync(server, channel, supervisor, "Is the shop open next saturday?");
        await inbox.WaitFor("ConversationCreated", p => p.GetProperty("id").GetString() == after.GetProperty("id").GetString());
    }

    private static async Task<string[]> AgentQueueListAsync(HttpClient agent, string queueId)
    {
        var page = await AdminAssert.Json(await agent.GetAsync($"/api/conversations?queueId={queueId}"), HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
    }

    private async Task<JsonElement[]> ListAsync(HttpClient client) =>
        (await AdminAssert.Json(await client.GetAsync("/api/users"), HttpStatusCode.OK)).EnumerateArray().ToArray();

    private async Task<JsonElement> UserAsync(string email) =>
        (await ListAsync(supervisor)).Single(u => u.GetProperty("email").GetString() == email);

    private async Task<string> CreateQueueAsync(string name)
    {
        var queue = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/queues",
            new { name, firstResponseMinutes = 30, autoAssign = "none" }), HttpStatusCode.Created);
        return queue.GetProperty("id").GetString()!;
    }
}
