using System.Text.Json;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Leads;
using CareDesk.Api.Hubs;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Ingest;

/// <summary>A mention read as a buying signal reaches the sales feed as a flagged lead.</summary>
public sealed class FlagBuyingSignal(CareDeskDbContext db, InboxPublisher publisher, TimeProvider clock) : INotificationHandler<MentionRouted>
{
    public async Task Handle(MentionRouted notification, CancellationToken cancellationToken)
    {
        var mention = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == notification.MentionId, cancellationToken);
        if (mention.Intent != "buying" || mention.ContactId is not { } contactId)
            return;

        var reasons = JsonSerializer.Deserialize<AnalysisReasons>(mention.AnalysisReasonsJson!, JsonDefaults.Options)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var lead = new Lead
        {
            Id = Guid.NewGuid(),
            MessageId = mention.Id,
            ConversationId = mention.ConversationId,
            ContactId = contactId,
            Status = LeadStatus.Flagged,
            Confidence = mention.IntentConfidence ?? 0,
            ReasonsJson = JsonSerializer.Serialize(reasons.Intent, JsonDefaults.Options),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync(cancellationToken);
        await publisher.BuyingSignalFlagged(await LeadView.LoadAsync(db, lead.Id, cancellationToken), cancellationToken);
    }
}
