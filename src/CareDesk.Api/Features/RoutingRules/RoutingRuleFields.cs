using CareDesk.Analysis;
using CareDesk.Api.Features.Ingest;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.RoutingRules;

/// <summary>What a supervisor sets on a routing rule, alike for creating and editing it.</summary>
public interface IRoutingRuleFields
{
    int? Order { get; }
    string? Name { get; }
    Guid? ChannelId { get; }
    IReadOnlyList<string>? Keywords { get; }
    string? Intent { get; }
    double? SentimentBelow { get; }
    int? FollowersAbove { get; }
    string? Language { get; }
    Guid? QueueId { get; }
    Priority? Priority { get; }
}

public sealed record RoutingRuleBody(
    int? Order, string? Name, Guid? ChannelId, List<string>? Keywords, string? Intent,
    double? SentimentBelow, int? FollowersAbove, string? Language, Guid? QueueId, Priority? Priority);

public abstract class RoutingRuleFieldsValidator<T> : AbstractValidator<T> where T : IRoutingRuleFields
{
    private static readonly string[] Intents = Enum.GetValues<IntentLabel>().Select(AnalyzeMention.Label).ToArray();

    protected RoutingRuleFieldsValidator(CareDeskDbContext db)
    {
        RuleFor(c => c.Order).GreaterThanOrEqualTo(1);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.ChannelId)
            .MustAsync((id, ct) => db.Channels.AnyAsync(c => c.Id == id, ct)).When(c => c.ChannelId is not null)
            .WithMessage("channelId must name an existing channel.");
        RuleFor(c => c.Keywords)
            .Must(keywords => keywords!.All(k => !string.IsNullOrWhiteSpace(k) && !k.Contains(',')))
            .WithMessage("keywords must be non-empty and may not contain commas.")
            .Must(keywords => string.Join(',', keywords!).Length <= 2000)
            .WithMessage("keywords may be 2000 characters in all.")
            .When(c => c.Keywords is not null);
        RuleFor(c => c.Intent)
            .Must(intent => Intents.Contains(intent!.ToLowerInvariant())).When(c => !string.IsNullOrEmpty(c.Intent))
            .WithMessage($"intent must be one of: {string.Join(", ", Intents)}.");
        RuleFor(c => c.SentimentBelow).InclusiveBetween(-1.0, 1.0);
        RuleFor(c => c.FollowersAbove).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Language).MaximumLength(8);
        RuleFor(c => c.QueueId).Cascade(CascadeMode.Stop)
            .NotNull()
            .MustAsync((id, ct) => db.Queues.AnyAsync(q => q.Id == id, ct)).WithMessage("queueId must name an existing queue.");
    }
}

public static class RoutingRuleChanges
{
    public static void Apply(RoutingRule rule, IRoutingRuleFields fields)
    {
        rule.Name = fields.Name!.Trim();
        rule.ChannelId = fields.ChannelId;
        rule.Keywords = string.Join(',', (fields.Keywords ?? []).Select(k => k.Trim()));
        rule.Intent = string.IsNullOrEmpty(fields.Intent) ? null : fields.Intent.ToLowerInvariant();
        rule.SentimentBelow = fields.SentimentBelow;
        rule.FollowersAbove = fields.FollowersAbove;
        rule.Language = string.IsNullOrWhiteSpace(fields.Language) ? null : fields.Language.Trim().ToLowerInvariant();
        rule.QueueId = fields.QueueId!.Value;
        rule.Priority = fields.Priority ?? Priority.Normal;
    }
}
