using CareDesk.Api.Channels;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Ingest;

/// <summary>
/// Stores one normalized mention: idempotent on (channel, platform message id), the author becomes or joins
/// a contact, and the mention joins its thread's conversation, the author's open one, or opens a new one.
/// </summary>
public static class IngestMention
{
    public sealed record Command(Guid ChannelId, IncomingMention Mention) : IRequest<Result>;

    public sealed record Result(Guid MentionId, Guid ConversationId, bool Duplicate);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Mention.PlatformMessageId).NotEmpty().MaximumLength(200).OverridePropertyName("id");
            RuleFor(c => c.Mention.Text).NotNull().MaximumLength(20000).OverridePropertyName("text");
            RuleFor(c => c.Mention.Kind).IsInEnum().OverridePropertyName("kind");
            RuleFor(c => c.Mention.Author).NotNull().OverridePropertyName("author");
            RuleFor(c => c.Mention.Author.Id).NotEmpty().MaximumLength(200).OverridePropertyName("author.id").When(c => c.Mention.Author is not null);
            RuleFor(c => c.Mention.Author.Followers).GreaterThanOrEqualTo(0).OverridePropertyName("author.followers").When(c => c.Mention.Author is not null);
            RuleFor(c => c.Mention.ThreadId).MaximumLength(200).OverridePropertyName("threadId");
            RuleFor(c => c.Mention.ParentId).MaximumLength(200).OverridePropertyName("parentId");
            RuleFor(c => c.Mention.Url).MaximumLength(1000).OverridePropertyName("url");
        }
    }

    public sealed class Handler(CareDeskDbContext db, IMediator mediator, IEnumerable<IReplySender> senders, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            Stored stored;
            try
            {
                stored = await Store(command, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent delivery of the same message (or a first mention of the same new author) won the
                // unique index; look again: either it is now a duplicate, or the contact exists and a second try succeeds.
                db.ChangeTracker.Clear();
                stored = await Store(command, cancellationToken);
            }

            if (!stored.Result.Duplicate)
                await mediator.Publish(new MentionStored(stored.Result.MentionId, stored.Result.ConversationId, stored.IsNewConversation, stored.Reopened), cancellationToken);
            return stored.Result;
        }

        private sealed record Stored(Result Result, bool IsNewConversation, bool Reopened);

        private async Task<Stored> Store(Command command, CancellationToken ct)
        {
            var mention = command.Mention;
            var existing = await db.Messages.AsNoTracking()
                .Where(m => m.ChannelId == command.ChannelId && m.PlatformMessageId == mention.PlatformMessageId)
                .Select(m => new { m.Id, m.ConversationId })
                .FirstOrDefaultAsync(ct);
            if (existing is not null)
                return new Stored(new Result(existing.Id, existing.ConversationId, Duplicate: true), false, false);

            var now = clock.GetUtcNow().UtcDateTime;
            var contact = await UpsertContact(command.ChannelId, mention.Author, now, ct);
            var (conversation, isNew, reopened) = await FindOrOpenConversation(command.ChannelId, contact, mention, now, ct);

            var message = new Message
            {
                Id = Guid.NewGuid(),
                ConversationId = conversation.Id,
                ChannelId = command.ChannelId,
                Kind = MessageKind.Mention,
                MentionKind = mention.Kind,
                Text = mention.Text,
                CreatedAt = mention.CreatedAt.ToUniversalTime(),
                PlatformMessageId = mention.PlatformMessageId,
                ContactId = contact.Id,
                ParentPlatformId = mention.ParentId,
                Permalink = mention.Url,
                Language = mention.Language,
            };
            db.Messages.Add(message);
            var channel = await db.Channels.SingleAsync(c => c.Id == command.ChannelId, ct);
            if (message.CreatedAt >= conversation.LastMessageAt)
                conversation.ReplyWindowClosesAt = message.CreatedAt + ReplyWindow(channel.Type, mention.Kind);
            conversation.LastMessageAt = Max(conversation.LastMessageAt, message.CreatedAt);
            conversation.Preview = Preview(mention.Text);
            if (conversation.Status == ConversationStatus.Pending)
                conversation.Status = ConversationStatus.Open;

            channel.LastEventAt = now;
            await db.SaveChangesAsync(ct);
            return new Stored(new Result(message.Id, conversation.Id, Duplicate: false), isNew, reopened);
        }

        private async Task<Contact> UpsertContact(Guid channelId, MentionAuthor author, DateTime now, CancellationToken ct)
        {
            var contact = await db.Contacts.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.PlatformUserId == author.Id, ct);
            if (contact is null)
            {
                contact = new Contact { Id = Guid.NewGuid(), ChannelId = channelId, PlatformUserId = author.Id, CreatedAt = now };
                db.Contacts.Add(contact);
            }
            contact.Handle = author.Handle ?? "";
            contact.Name = string.IsNullOrWhiteSpace(author.Name) ? author.Handle ?? "" : author.Name;
            contact.Followers = author.Followers;
            contact.UpdatedAt = now;
            return contact;
        }

        private async Task<(Conversation Conversation, bool IsNew, bool Reopened)> FindOrOpenConversation(
            Guid channelId, Contact contact, IncomingMention mention, DateTime now, CancellationToken ct)
        {
            var threadId = mention.ThreadId ?? (mention.Kind == MentionKind.Direct ? null : mention.ParentId);
            Conversation? conversation = null;
            if (threadId is not null)
            {
                conversation = await db.Conversations
                    .Where(c => c.ChannelId == channelId && c.ThreadId == threadId)
                    .OrderByDescending(c => c.CreatedAt)
                    .FirstOrDefaultAsync(ct);
            }
            conversation ??= await db.Conversations
                .Where(c => c.ContactId == contact.Id && c.Status != ConversationStatus.Resolved)
                .OrderByDescending(c => c.LastMessageAt)
                .FirstOrDefaultAsync(ct);
            if (conversation is null && mention.Kind == MentionKind.Direct)
            {
                // A private chat is one ongoing conversation with the customer: writing again reopens it.
                conversation = await db.Conversations
                    .Where(c => c.ContactId == contact.Id)
                    .OrderByDescending(c => c.LastMessageAt)
                    .FirstOrDefaultAsync(ct);
            }

            if (conversation is null)
            {
                conversation = new Conversation
                {
                    Id = Guid.NewGuid(),
                    ChannelId = channelId,
                    ContactId = contact.Id,
                    ThreadId = threadId ?? mention.PlatformMessageId,
                    Status = ConversationStatus.Open,
                    WaitingSince = now,
                    CreatedAt = now,
                    LastMessageAt = mention.CreatedAt.ToUniversalTime(),
                };
                db.Conversations.Add(conversation);
                return (conversation, true, false);
            }

            if (conversation.Status != ConversationStatus.Resolved)
                return (conversation, false, false);

            conversation.Status = ConversationStatus.Open;
            conversation.ResolvedAt = null;
            conversation.WaitingSince = now;
            conversation.FirstResponseAt = null;
            conversation.SlaDueAt = null;
            conversation.SlaState = SlaState.Ok;
            return (conversation, false, true);
        }

        private TimeSpan? ReplyWindow(string channelType, MentionKind kind) =>
            senders.FirstOrDefault(s => s.ChannelType == channelType)?.ReplyWindow(kind);

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

        private static string Preview(string text) => text.Length <= 280 ? text : text[..279] + "…";
    }
}
