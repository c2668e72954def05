using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Conversations;

public sealed record MessageAuthor(string? Id, string Name, string? Handle);

public sealed record AnalysisView(SentimentView Sentiment, IntentView Intent);

public sealed record SentimentView(string Label, double Score, IReadOnlyList<string> Reasons);

public sealed record IntentView(string Label, double Confidence, IReadOnlyList<string> Reasons);

/// <summary>The reasons of both analyses, stored with the message so a person can see why.</summary>
public sealed record AnalysisReasons(IReadOnlyList<string> Sentiment, IReadOnlyList<string> Intent);

/// <summary>One message of a conversation: a customer mention, our reply with its delivery state, or a private note.</summary>
public sealed record MessageView(
    Guid Id,
    MessageKind Kind,
    string Text,
    DateTime CreatedAt,
    MessageAuthor Author,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MentionKind? MentionKind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeliveryStatus? DeliveryStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeliveryError,
    int DeliveryAttempts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PlatformMessageId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Permalink,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnalysisView? Analysis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? EditedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OriginalText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? DeletedAt)
{
    public static async Task<List<MessageView>> ListAsync(CareDeskDbContext db, Expression<Func<Message, bool>> filter, CancellationToken ct)
    {
        var rows = await (
            from m in db.Messages.AsNoTracking().Where(filter)
            join contact in db.Contacts on m.ContactId equals contact.Id into contacts
            from contact in contacts.DefaultIfEmpty()
            join user in db.Users on m.AuthorUserId equals user.Id into users
            from user in users.DefaultIfEmpty()
            orderby m.CreatedAt
            select new { Message = m, ContactName = contact != null ? contact.Name : null, contact.Handle, UserName = user != null ? user.Name : null })
            .ToListAsync(ct);
        return rows.Select(r => From(r.Message, r.ContactName ?? r.UserName ?? "", r.Handle)).ToList();
    }

    public static async Task<MessageView> LoadAsync(CareDeskDbContext db, Guid messageId, CancellationToken ct) =>
        (await ListAsync(db, m => m.Id == messageId, ct)).Single();

    private static MessageView From(Message m, string authorName, string? handle) => new(
        m.Id,
        m.Kind,
        m.Text,
        m.CreatedAt,
        new MessageAuthor(m.AuthorUserId ?? m.ContactId?.ToString(), authorName, handle),
        m.MentionKind,
        m.DeliveryStatus,
        m.DeliveryError,
        m.DeliveryAttempts,
        m.PlatformMessageId,
        m.Permalink,
        m.Language,
        AnalysisOf(m),
        m.EditedAt,
        m.OriginalText,
        m.DeletedAt);

    private static AnalysisView? AnalysisOf(Message m)
    {
        if (!m.Analyzed || m.AnalysisReasonsJson is null)
            return null;
        var reasons = JsonSerializer.Deserialize<AnalysisReasons>(m.AnalysisReasonsJson, JsonDefaults.Options)!;
        return new AnalysisView(
            new SentimentView(m.SentimentLabel ?? "neutral", m.SentimentScore ?? 0, reasons.Sentiment),
            new IntentView(m.Intent ?? "other", m.IntentConfidence ?? 0, reasons.Intent));
    }
}
