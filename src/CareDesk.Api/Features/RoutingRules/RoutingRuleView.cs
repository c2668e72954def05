using CareDesk.Api.Features.Ingest;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.RoutingRules;

public sealed record RoutingRuleView(
    Guid Id, int Order, string Name, Guid? ChannelId, IReadOnlyList<string> Keywords, string? Intent,
    double? SentimentBelow, int? FollowersAbove, string? Language, Guid QueueId, Priority Priority)
{
    public static async Task<List<RoutingRuleView>> ListAsync(CareDeskDbContext db, CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
        return rules.Select(From).ToList();
    }

    public static RoutingRuleView From(RoutingRule rule) => new(
        rule.Id, rule.Order, rule.Name, rule.ChannelId, RoutingRuleMatch.Keywords(rule.Keywords), rule.Intent,
        rule.SentimentBelow, rule.FollowersAbove, rule.Language, rule.QueueId, rule.Priority);
}
