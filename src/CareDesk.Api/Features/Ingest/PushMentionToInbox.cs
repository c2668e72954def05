using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Metrics;
using CareDesk.Api.Hubs;
using CareDesk.Data;
using MediatR;

namespace CareDesk.Api.Features.Ingest;

public sealed class PushMentionToInbox(CareDeskDbContext db, InboxPublisher publisher, QueueMetricsSignal metrics) : INotificationHandler<MentionRouted>
{
    public async Task Handle(MentionRouted notification, CancellationToken cancellationToken)
    {
        var summary = await ConversationSummary.LoadAsync(db, notification.ConversationId, cancellationToken);
        if (notification.IsNewConversation)
            await publisher.ConversationCreated(summary, cancellationToken);
        else
            await publisher.ConversationChanged(summary, cancellationToken);
        var message = await MessageView.LoadAsync(db, notification.MentionId, cancellationToken);
        await publisher.MentionReceived(summary, message, cancellationToken);
        metrics.Changed();
    }
}
