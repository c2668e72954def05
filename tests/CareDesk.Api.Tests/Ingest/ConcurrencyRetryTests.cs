using System.Net;
using CareDesk.Api.Infrastructure;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Api.Tests.Ingest;

public sealed class ConcurrencyRetryTests : IAsyncLifetime
{
    private CareDeskServer server = null!;

    public async Task InitializeAsync() => server = await CareDeskServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_background_step_that_loses_to_an_agents_claim_runs_again_and_both_changes_stay()
    {
        var channel = await GenericChannel.CreateAsync(server);
        var conversationId = Guid.Parse(await channel.IngestAsync(server, GenericChannel.Mention("race-1", "Where is my order?")));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var stale = await db.Conversations.SingleAsync(c => c.Id == conversationId);

        using var agent = await server.ClientForAsync(DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/api/conversations/{conversationId}/claim", null)).StatusCode);

        var runs = 0;
        await ConcurrencyRetry.RunAsync(db, async () =>
        {
            // The first run works on the copy read before the claim, as a routing step that started earlier would.
            var conversation = ++runs == 1 ? stale : await db.Conversations.SingleAsync(c => c.Id == conversationId);
            conversation.Priority = Priority.Urgent;
            await db.SaveChangesAsync();
        });

        Assert.Equal(2, runs);
        var stored = await server.WithDbAsync(d => d.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId));
        Assert.Equal(Priority.Urgent, stored.Priority);
        Assert.NotNull(stored.AssigneeId);
    }
}
