namespace CareDesk.Api.Features.Conversations;

/// <summary>A conversation with its whole thread.</summary>
public sealed record ConversationDetail : ConversationSummary
{
    public ConversationDetail(ConversationSummary summary, IReadOnlyList<MessageView> messages) : base(summary) => Messages = messages;

    public IReadOnlyList<MessageView> Messages { get; }
}
