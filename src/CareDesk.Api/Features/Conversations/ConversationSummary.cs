using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CareDesk.Api.Hubs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Conversations;

public sealed record ChannelRef(Guid Id, string Type, string Name);

public sealed record ContactRef(Guid Id, string Handle, string Name, int Followers);

public sealed record SentimentRef(double Score, string Label);

public sealed record IntentRef(string Label, double Confidence);

/// <summary>A conversation as the inbox list and the hub show it.</summary>
public record ConversationSummary(
    Guid Id,
    ChannelRef Channel,
    Guid? QueueId,
    ConversationStatus Status,
    Priority Priority,
    string? AssigneeId,
    string? AssigneeName,
    ContactRef Contact,
    DateTime LastMessageAt,
    SentimentRef Sentiment,
    IntentRef Intent,
    DateTime? SlaDueAt,
    SlaState SlaState,
    string Preview,
    DateTime? ReplyWindowClosesAt) : IInboxMessage
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Sequence { get; set; }

    public static readonly Expression<Func<Conversation, ConversationSummary>> Projection = c => new ConversationSummary(
        c.Id,
        new ChannelRef(c.Channel.Id, c.Channel.Type, c.Channel.Name),
        c.QueueId,
        c.Status,
        c.Priority,
        c.AssigneeId,
        c.Assignee != null ? c.Assignee.Name : null,
        new ContactRef(c.Contact.Id, c.Contact.Handle, c.Contact.Name, c.Contact.Followers),
        c.LastMessageAt,
        new SentimentRef(c.SentimentScore, c.SentimentLabel),
        new IntentRef(c.Intent, c.IntentConfidence),
        c.SlaDueAt,
        c.SlaState,
        c.Preview,
        c.ReplyWindowClosesAt);

    public static Task<ConversationSummary> LoadAsync(CareDeskDbContext db, Guid conversationId, CancellationToken ct) =>
        db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(Projection).SingleAsync(ct);
}
