using System.Text.Json;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Hubs;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Leads;

public sealed record LeadMention(Guid Id, string Text, DateTime CreatedAt, string? Permalink, string ChannelType);

public sealed record LeadHistoryView(LeadStatus Status, decimal? Value, string? Note, string UserId, DateTime At);

/// <summary>A flagged buying signal or lead as the sales feed shows it: who, what they said, why, how sure.</summary>
public sealed record LeadView(
    Guid Id,
    LeadStatus Status,
    double Confidence,
    IReadOnlyList<string> Reasons,
    decimal? Value,
    ContactRef Contact,
    LeadMention Mention,
    Guid ConversationId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<LeadHistoryView> History) : IInboxMessage
{
    public long Sequence { get; set; }

    public static async Task<List<LeadView>> ListAsync(CareDeskDbContext db, IQueryable<Lead> leads, CancellationToken ct)
    {
        var rows = await leads.AsNoTracking()
            .Select(l => new
            {
                l.Id, l.Status, l.Confidence, l.ReasonsJson, l.Value, l.ConversationId, l.CreatedAt, l.UpdatedAt,
                Contact = new ContactRef(l.Contact.Id, l.Contact.Handle, l.Contact.Name, l.Contact.Followers),
                Mention = new { l.Message.Id, l.Message.Text, l.Message.CreatedAt, l.Message.Permalink, l.Message.ChannelId },
                History = l.History.OrderBy(h => h.At).Select(h => new LeadHistoryView(h.Status, h.Value, h.Note, h.UserId, h.At)).ToList(),
            })
            .ToListAsync(ct);
        var channelIds = rows.Select(r => r.Mention.ChannelId).Distinct().ToList();
        var channelTypes = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Type, ct);
        return rows.Select(r => new LeadView(
            r.Id, r.Status, r.Confidence,
            JsonSerializer.Deserialize<List<string>>(r.ReasonsJson, JsonDefaults.Options)!,
            r.Value, r.Contact,
            new LeadMention(r.Mention.Id, r.Mention.Text, r.Mention.CreatedAt, r.Mention.Permalink, channelTypes[r.Mention.ChannelId]),
            r.ConversationId, r.CreatedAt, r.UpdatedAt, r.History)).ToList();
    }

    public static async Task<LeadView> LoadAsync(CareDeskDbContext db, Guid leadId, CancellationToken ct) =>
        (await ListAsync(db, db.Leads.Where(l => l.Id == leadId), ct)).SingleOrDefault()
        ?? throw new NotFoundException("The lead");
}
