using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Hubs;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Ingest;

/// <summary>
/// The customer edited a mention on the platform. The new text replaces the shown one; the text an agent first saw
/// is kept as the original. Repeats of the same edit change nothing.
/// </summary>
public static class EditMention
{
    /// <returns>False when no mention with that platform id is stored (the connector may ingest it as new).</returns>
    public sealed record Command(Guid ChannelId, string PlatformMessageId, string Text, DateTime EditedAt) : IRequest<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PlatformMessageId).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Text).NotNull().MaximumLength(20000);
        }
    }

    public sealed class Handler(CareDeskDbContext db, InboxPublisher publisher) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var mention = await db.Messages.SingleOrDefaultAsync(
                m => m.ChannelId == command.ChannelId && m.PlatformMessageId == command.PlatformMessageId && m.Kind == MessageKind.Mention, cancellationToken);
            if (mention is null)
                return false;
            if (mention.Text == command.Text || mention.EditedAt >= command.EditedAt.ToUniversalTime())
                return true;

            mention.OriginalText ??= mention.Text;
            mention.Text = command.Text;
            mention.EditedAt = command.EditedAt.ToUniversalTime();
            await db.SaveChangesAsync(cancellationToken);
            await MentionUpdatedPush.Send(db, publisher, mention, cancellationToken);
            return true;
        }
    }
}
