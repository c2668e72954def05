using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Hubs;
using CareDesk.Data;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Features.Ingest;

public static class MentionUpdatedPush
{
    public static async Task Send(CareDeskDbContext db, InboxPublisher publisher, Message mention, CancellationToken ct)
    {
        var summary = await ConversationSummary.LoadAsync(db, mention.ConversationId, ct);
        await publisher.MentionUpdated(summary, await MessageView.LoadAsync(db, mention.Id, ct), ct);
    }
}
