using System.Net;
using System.Net.Http.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.ScaleOut;

/// <summary>Two API instances share one database and a real Redis backplane, as behind a load balancer.</summary>
public sealed class RedisBackplaneTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private CareDeskServer first = null!;
    private CareDeskServer second = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection };
        first = await CareDeskServer.StartAsync(settings);
        second = await CareDeskServer.StartAsync(settings, dataFolder: first.DataFolder);
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_mention_received_by_one_instance_reaches_an_agent_connected_to_the_other()
    {
        var channel = await GenericChannel.CreateAsync(first);
        await using var agentOnSecond = await second.ConnectHubAsync(await second.LoginAsync(DemoAccounts.Agent));
        var inbox = new HubInbox(agentOnSecond);

        var response = await channel.PostAsync(first, GenericChannel.Mention("scale-1", "Does anyone know why checkout keeps failing?"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var conversationId = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("conversationId").GetString();

        await inbox.WaitFor("ConversationCreated", p => p.GetProperty("id").GetString() == conversationId);
    }

    [Fact]
    public async Task A_claim_on_one_instance_is_seen_by_a_supervisor_on_the_other()
    {
        var channel = await GenericChannel.CreateAsync(first);
        var response = await channel.PostAsync(first, GenericChannel.Mention("scale-2", "Where is my refund?", authorId: "scale-customer"));
        var conversationId = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("conversationId").GetString();
        await using var supervisorOnFirst = await first.ConnectHubAsync(await first.LoginAsync(DemoAccounts.Supervisor));
        var inbox = new HubInbox(supervisorOnFirst);

        using var agent = second.CreateClient(await second.LoginAsync(DemoAccounts.Agent));
        var claim = await agent.PostAsync($"/api/conversations/{conversationId}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);

        var changed = await inbox.WaitFor("ConversationChanged", p => p.GetProperty("id").GetString() == conversationId);
        Assert.False(string.IsNullOrEmpty(changed.GetProperty("assigneeId").GetString()));
    }
}
