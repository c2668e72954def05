using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Conversations;

/// <summary>
/// Closes a conversation with an outcome and writes its outcome record: response and handling times, whether
/// the SLA was met, and the customer's sentiment at the start and at the end.
/// </summary>
public static class ResolveConversation
{
    public static readonly string[] Outcomes = ["resolved", "answered", "escalated", "sales", "no_action", "spam"];

    public sealed record Body(string? Outcome, string? Note);

    public sealed record Command(Guid Id, string? Outcome, string? Note, Actor Actor) : IRequest<OutcomeView>;

    public sealed record OutcomeView(
        Guid Id, Guid ConversationId, string Outcome, string Intent, DateTime ResolvedAt, double? FirstResponseSeconds,
        double HandlingSeconds, bool SlaMet, double SentimentStart, double SentimentEnd, double SentimentChange);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotEmpty().Must(o => Outcomes.Contains(o)).WithMessage($"outcome must be one of: {string.Join(", ", Outcomes)}.");
            RuleFor(c => c.Note).MaximumLength(2000);
        }
    }

    public sealed class Handler(CareDeskDbContext db, ConversationChanges changes, TimeProvider clock) : IRequestHandler<Command, OutcomeView>
    {
        public async Task<OutcomeView> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await ConversationAccess.LoadForChangeAsync(db, command.Id, command.Actor, cancellationToken);
            if (conversation.Status == ConversationStatus.Resolved)
                throw new ConflictException("The conversation is already resolved.");
            if (conversation.AssigneeId is not null && conversation.AssigneeId != command.Actor.UserId && !command.Actor.IsSupervisor)
                throw new ConflictException($"{await ConversationAccess.HolderName(db, conversation.AssigneeId, cancellationToken)} holds this conversation.");

            var channelType = await db.Channels.Where(c => c.Id == conversation.ChannelId).Select(c => c.Type).SingleAsync(cancellationToken);
            var mentions = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.Kind == MessageKind.Mention && m.Analyzed);
            // A reopened conversation's record measures this opening, as its times do: the mentions since the last
            // resolution (all of them if the platform dated the reopening message before it).
            var lastResolved = await db.OutcomeRecords.Where(o => o.ConversationId == conversation.Id).MaxAsync(o => (DateTime?)o.ResolvedAt, cancellationToken);
            if (lastResolved is { } since && await mentions.AnyAsync(m => m.CreatedAt > since, cancellationToken))
                mentions = mentions.Where(m => m.CreatedAt > since);
            var first = await mentions.OrderBy(m => m.CreatedAt).Select(m => new { m.SentimentScore, m.Intent }).FirstOrDefaultAsync(cancellationToken);
            var last = await mentions.OrderByDescending(m => m.CreatedAt).Select(m => new { m.SentimentScore }).FirstOrDefaultAsync(cancellationToken);

            var now = clock.GetUtcNow().UtcDateTime;
            var start = first?.SentimentScore ?? 0;
            var end = last?.SentimentScore ?? 0;
            var record = new OutcomeRecord
            {
                Id = Guid.NewGuid(),
                ConversationId = conversation.Id,
                ChannelId = conversation.ChannelId,
                ChannelType = channelType,
                QueueId = conversation.QueueId,
                AgentId = conversation.AssigneeId ?? command.Actor.UserId,
                Intent = first?.Intent ?? conversation.Intent,
                Outcome = command.Outcome!,
                Note = command.Note,
                ResolvedAt = now,
                ResolvedDay = now.ToString("yyyy-MM-dd"),
                FirstResponseSeconds = conversation.FirstResponseAt is { } responded ? (responded - conversation.WaitingSince).TotalSeconds : null,
                HandlingSeconds = (now - conversation.WaitingSince).TotalSeconds,
                SlaMet = conversation.SlaDueAt is not { } due || (conversation.FirstResponseAt ?? now) <= due,
                SentimentStart = start,
                SentimentEnd = end,
                SentimentChange = end - start,
            };
            db.OutcomeRecords.Add(record);
            conversation.Status = ConversationStatus.Resolved;
            conversation.ResolvedAt = now;
            if (conversation.SlaState is SlaState.Ok or SlaState.AtRisk)
                conversation.SlaState = record.SlaMet ? SlaState.Met : SlaState.Breached;
            await db.SaveChangesAsync(cancellationToken);
            await changes.Announce(conversation.Id, cancellationToken);

            return new OutcomeView(record.Id, record.ConversationId, record.Outcome, record.Intent, record.ResolvedAt, record.FirstResponseSeconds,
                record.HandlingSeconds, record.SlaMet, record.SentimentStart, record.SentimentEnd, record.SentimentChange);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversations/{id:guid}/resolve", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.Outcome, body.Note, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Agent);
}
