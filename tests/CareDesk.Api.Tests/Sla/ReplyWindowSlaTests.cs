using CareDesk.Api.Features.Sla;
using CareDesk.Api.Tests.Channels.Meta;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Api.Tests.Sla;

/// <summary>A direct conversation whose platform reply window closes before its SLA is due escalates before the window closes.</summary>
public sealed class ReplyWindowSlaTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private FakePlatformServer graph = null!;
    private MetaChannel channel = null!;

    public async Task InitializeAsync()
    {
        graph = await FakePlatformServer.StartAsync((_, _) => { });
        server = await CareDeskServer.StartAsync();
        channel = await MetaChannel.CreateAsync(server, graph.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await graph.DisposeAsync();
    }

    private async Task<Guid> DirectConversationAsync(TimeSpan age)
    {
        await channel.DeliverAsync(server, MetaChannel.At(MetaChannel.Fixture("messenger/messages-text.doc.json"), age));
        return await server.WithDbAsync(db => db.Messages.Where(m => m.PlatformMessageId == "mid.1457764197618:41d102a3e1ae206a38").Select(m => m.ConversationId).SingleAsync());
    }

    private Task<Conversation> LoadAsync(Guid id) => server.WithDbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Waits for routing to start the SLA clock, then sets the clock and the window as a test case needs them.</summary>
    private async Task ArrangeAsync(Guid id, TimeSpan waiting, TimeSpan slaLeft, TimeSpan? windowLeft)
    {
        await Eventually.Get(() => LoadAsync(id), c => c.SlaDueAt is not null);
        var now = DateTime.UtcNow;
        await server.WithDbAsync(db => db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.WaitingSince, now - waiting)
            .SetProperty(c => c.SlaDueAt, now + slaLeft)
            .SetProperty(c => c.SlaState, SlaState.Ok)
            .SetProperty(c => c.ReplyWindowClosesAt, windowLeft is { } left ? now + left : null)));
    }

    private async Task CheckSlasAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CheckSlas.Command());
    }

    [Fact]
    public async Task A_window_closing_within_the_at_risk_margin_makes_the_conversation_at_risk_and_due_at_the_close()
    {
        var id = await DirectConversationAsync(TimeSpan.FromMinutes(10));
        // A 60-minute SLA, 10 minutes in: 50 minutes left is far from at risk (15 minutes), but the window closes in 10.
        await ArrangeAsync(id, waiting: TimeSpan.FromMinutes(10), slaLeft: TimeSpan.FromMinutes(50), windowLeft: TimeSpan.FromMinutes(10));

        await CheckSlasAsync();

        var conversation = await LoadAsync(id);
        Assert.Equal(SlaState.AtRisk, conversation.SlaState);
        Assert.Equal(conversation.ReplyWindowClosesAt, conversation.SlaDueAt);
    }

    [Fact]
    public async Task A_closed_window_breaches_the_SLA()
    {
        var id = await DirectConversationAsync(TimeSpan.FromMinutes(10));
        await ArrangeAsync(id, waiting: TimeSpan.FromMinutes(10), slaLeft: TimeSpan.FromMinutes(50), windowLeft: TimeSpan.FromMinutes(-1));

        await CheckSlasAsync();

        var conversation = await LoadAsync(id);
        Assert.Equal(SlaState.Breached, conversation.SlaState);
        Assert.Equal(conversation.ReplyWindowClosesAt, conversation.SlaDueAt);
    }

    [Fact]
    public async Task A_window_closing_after_the_SLA_changes_nothing()
    {
        var id = await DirectConversationAsync(TimeSpan.FromMinutes(10));
        await ArrangeAsync(id, waiting: TimeSpan.FromMinutes(10), slaLeft: TimeSpan.FromMinutes(50), windowLeft: TimeSpan.FromHours(23));
        var before = await LoadAsync(id);

        await CheckSlasAsync();

        var conversation = await LoadAsync(id);
        Assert.Equal(SlaState.Ok, conversation.SlaState);
        Assert.Equal(before.SlaDueAt, conversation.SlaDueAt);
    }

    [Fact]
    public async Task A_queue_SLA_longer_than_the_window_starts_due_at_the_windows_close()
    {
        await server.WithDbAsync(db => db.Queues.ExecuteUpdateAsync(s => s.SetProperty(q => q.FirstResponseMinutes, 48 * 60)));

        var id = await DirectConversationAsync(TimeSpan.FromHours(23));

        var conversation = await Eventually.Get(() => LoadAsync(id), c => c.SlaDueAt is not null);
        Assert.NotNull(conversation.ReplyWindowClosesAt);
        Assert.Equal(conversation.LastMessageAt.AddHours(24), conversation.ReplyWindowClosesAt);
        Assert.Equal(conversation.ReplyWindowClosesAt, conversation.SlaDueAt);
    }
}
