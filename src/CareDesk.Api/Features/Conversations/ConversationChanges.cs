using CareDesk.Api.Features.Metrics;
using CareDesk.Api.Hubs;
using CareDesk.Data;

namespace CareDesk.Api.Features.Conversations;

/// <summary>Announces a saved change of a conversation: to its inbox audience, and to the queue metrics.</summary>
public sealed class ConversationChanges(CareDeskDbContext db, InboxPublisher publisher, QueueMetricsSignal metrics)
{
    public async Task<ConversationSummary> Announce(Guid conversationId, CancellationToken ct)
    {
        var summary = await ConversationSummary.LoadAsync(db, conversationId, ct);
        await publisher.ConversationChanged(summary, ct);
        metrics.Changed();
        return summary;
    }
}
