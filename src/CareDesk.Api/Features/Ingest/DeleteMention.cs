using CareDesk.Api.Hubs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Ingest;

/// <summary>
/// The customer deleted (or the platform removed) a mention. It is marked deleted, not erased: the conversation keeps
/// what the agent saw and answered.
/// </summary>
public static class DeleteMention
{
    /// <returns>False when no mention with that platform id is stored.</returns>
    public sealed record Command(Guid ChannelId, string PlatformMessageId, DateTime DeletedAt) : IRequest<bool>;

    public sealed class Handler(CareDeskDbContext db, InboxPublisher publisher) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var mention = await db.Messages.SingleOrDefaultAsync(
                m => m.ChannelId == command.ChannelId && m.PlatformMessageId == command.PlatformMessageId && m.Kind == MessageKind.Mention, cancellationToken);
            if (mention is null)
                return false;
            if (mention.DeletedAt is not null)
                return true;

            mention.DeletedAt = command.DeletedAt.ToUniversalTime();
            await db.SaveChangesAsync(cancellationToken);
            await MentionUpdatedPush.Send(db, publisher, mention, cancellationToken);
            return true;
        }
    }
}
