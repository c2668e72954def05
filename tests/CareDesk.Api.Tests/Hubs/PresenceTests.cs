using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareDesk.Api.Tests.Hubs;

/// <summary>Who views and who types in a conversation reaches the other agents live.</summary>
public sealed class PresenceTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private readonly CareDeskServer server = desk.Server;

    private Task<string> NewConversation() =>
        desk.Channel.IngestAsync(server, GenericChannel.Mention($"p-{Guid.NewGuid():N}", "Do you deliver on Saturdays?", authorId: $"p-{Guid.NewGuid():N}"));

    private static List<string> Names(JsonElement presence, string list) =>
        presence.GetProperty(list).EnumerateArray().Select(u => u.GetProperty("name").GetString()!).Order().ToList();

    private static Func<JsonElement, bool> Presence(string conversationId, string[] viewers, string[] typing) => p =>
        p.GetProperty("conversationId").GetString() == conversationId
        && Names(p, "viewers").SequenceEqual(viewers.Order())
        && Names(p, "typing").SequenceEqual(typing.Order());

    [Fact]
    public async Task Viewing_typing_and_leaving_reach_the_other_agent()
    {
        var id = await NewConversation();
        await using var agent1 = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        await using var agent2 = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent2));
        var watcher = new HubInbox(agent2);

        await agent1.InvokeAsync("ViewConversation", Guid.Parse(id));
        var viewing = await watcher.WaitFor("PresenceChanged", Presence(id, ["Alex Agent"], []));
        Assert.Equal(await server.UserIdAsync(DemoAccounts.Agent), viewing.GetProperty("viewers")[0].GetProperty("userId").GetString());

        await agent1.InvokeAsync("Typing", Guid.Parse(id), true);
        await watcher.WaitFor("PresenceChanged", Presence(id, ["Alex Agent"], ["Alex Agent"]));

        await agent2.InvokeAsync("ViewConversation", Guid.Parse(id));
        await watcher.WaitFor("PresenceChanged", Presence(id, ["Alex Agent", "Bea Agent"], ["Alex Agent"]));

        await agent1.InvokeAsync("Typing", Guid.Parse(id), false);
        await watcher.WaitFor("PresenceChanged", Presence(id, ["Alex Agent", "Bea Agent"], []));

        await agent1.InvokeAsync("LeaveConversation", Guid.Parse(id));
        await watcher.WaitFor("PresenceChanged", Presence(id, ["Bea Agent"], []));
    }

    [Fact]
    public async Task Moving_to_another_conversation_or_disconnecting_clears_presence()
    {
        var first = await NewConversation();
        var second = await NewConversation();
        await using var supervisor = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Supervisor));
        var watcher = new HubInbox(supervisor);
        var agent = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));

        await agent.InvokeAsync("ViewConversation", Guid.Parse(first));
        await agent.InvokeAsync("Typing", Guid.Parse(first), true);
        await watcher.WaitFor("PresenceChanged", Presence(first, ["Alex Agent"], ["Alex Agent"]));

        await agent.InvokeAsync("ViewConversation", Guid.Parse(second));
        await watcher.WaitFor("PresenceChanged", Presence(first, [], []));
        await watcher.WaitFor("PresenceChanged", Presence(second, ["Alex Agent"], []));

        // Typing is only for the conversation being viewed.
        await agent.InvokeAsync("Typing", Guid.Parse(first), true);
        await agent.DisposeAsync();
        await watcher.WaitFor("PresenceChanged", Presence(second, [], []));
        // Messages keep their order on a connection: anything about the first conversation came before this last one.
        var lastOfFirst = watcher.Received.Last(r => r.Type == "PresenceChanged" && r.Payload.GetProperty("conversationId").GetString() == first);
        Assert.True(Presence(first, [], [])(lastOfFirst.Payload), lastOfFirst.Payload.ToString());
    }

    [Fact]
    public async Task Viewing_a_conversation_that_does_not_exist_is_refused()
    {
        await using var agent = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        var refused = await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync("ViewConversation", Guid.NewGuid()));
        Assert.Contains("does not exist", refused.Message);
    }
}
