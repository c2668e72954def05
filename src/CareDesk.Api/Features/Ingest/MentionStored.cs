using MediatR;

namespace CareDesk.Api.Features.Ingest;

/// <summary>A new customer mention is saved; analysis comes next.</summary>
public sealed record MentionStored(Guid MentionId, Guid ConversationId, bool IsNewConversation, bool Reopened) : INotification;

/// <summary>The mention carries its sentiment and intent; routing comes next.</summary>
public sealed record MentionAnalyzed(Guid MentionId, Guid ConversationId, bool IsNewConversation, bool Reopened) : INotification;

/// <summary>The conversation has its queue, priority and SLA clock; now the fan-out: push, sales feed, metrics.</summary>
public sealed record MentionRouted(Guid MentionId, Guid ConversationId, bool IsNewConversation, bool Reopened) : INotification;
