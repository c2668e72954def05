using System.Text.Json.Serialization;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Metrics;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Hubs;

public sealed record MentionReceived(Guid ConversationId, MessageView Message) : IInboxMessage
{
    public long Sequence { get; set; }
}

public sealed record ReplyStatusChanged(
    Guid ConversationId,
    Guid ReplyId,
    DeliveryStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    MessageView Message) : IInboxMessage
{
    public long Sequence { get; set; }
}

public sealed record PresenceUser(string UserId, string Name);

public sealed record PresenceChanged(Guid ConversationId, IReadOnlyList<PresenceUser> Viewers, IReadOnlyList<PresenceUser> Typing) : IInboxMessage
{
    public long Sequence { get; set; }
}

public sealed record QueueMetricsChanged(IReadOnlyList<QueueMetricsRow> Queues) : IInboxMessage
{
    public long Sequence { get; set; }
}

public enum SlaAlertKind { AtRisk, Breached }

public sealed record SlaAlert(Guid ConversationId, SlaAlertKind Kind, DateTime DueAt) : IInboxMessage
{
    public long Sequence { get; set; }
}
