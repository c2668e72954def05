using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Channels.Demo;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Demo;

/// <summary>The built-in simulator: realistic mentions on the demo channel, replies "published", customers answering.</summary>
public sealed class DemoSimulatorTests : IAsyncLifetime
{
    private CareDeskServer server = null!;

    public async Task InitializeAsync() => server = await CareDeskServer.StartAsync(new Dictionary<string, string?>
    {
        ["Demo:MentionsPerMinute"] = "600",
        ["Demo:CustomerAnswerRate"] = "1",
        ["Demo:CustomerAnswerDelay"] = "00:00:01",
    });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Simulated_mentions_arrive_analysed_and_routed_and_a_published_reply_gets_an_answer()
    {
        var demo = await server.WithDbAsync(db => db.Channels.SingleAsync(c => c.Type == DemoConnector.ChannelType));
        await Eventually.Get(
            () => server.WithDbAsync(db => db.Conversations.CountAsync(c => c.ChannelId == demo.Id && c.QueueId != null)),
            count => count >= 5);
        var intents = await server.WithDbAsync(db => db.Messages.Where(m => m.ChannelId == demo.Id && m.Analyzed).Select(m => m.Intent).Distinct().ToListAsync());
        Assert.True(intents.Count >= 2, $"intents seen: {string.Join(", ", intents)}");

        using var agent = await server.ClientForAsync(DemoAccounts.Supervisor);
        var conversation = await server.WithDbAsync(db => db.Conversations.Where(c => c.ChannelId == demo.Id && c.Status == ConversationStatus.Open).Select(c => c.Id).FirstAsync());
        var reply = await agent.PostAsJsonAsync($"/api/conversations/{conversation}/replies", new { text = "Thanks, we're looking into it." });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var replyId = Guid.Parse((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString()!);

        var sent = await Eventually.Get(() => server.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == replyId)), m => m.DeliveryStatus == DeliveryStatus.Sent);
        Assert.StartsWith("sim-reply-", sent.PlatformMessageId);
        await Eventually.Get(
            () => server.WithDbAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversation && m.Kind == MessageKind.Mention && m.CreatedAt > sent.CreatedAt)),
            answers => answers >= 1);
    }
}
