using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Leads;
using CareDesk.Api.Features.Metrics;

namespace CareDesk.Api.Hubs;

/// <summary>What the server sends to inbox clients; the method names are the wire names.</summary>
public interface IInboxClient
{
    Task ConversationCreated(ConversationSummary conversation);
    Task MentionReceived(MentionReceived payload);
    Task MentionUpdated(MentionReceived payload);
    Task ConversationChanged(ConversationSummary conversation);
    Task ReplyStatusChanged(ReplyStatusChanged payload);
    Task PresenceChanged(PresenceChanged payload);
    Task QueueMetricsChanged(QueueMetricsChanged payload);
    Task BuyingSignalFlagged(LeadView lead);
    Task SlaAlert(SlaAlert payload);
}
