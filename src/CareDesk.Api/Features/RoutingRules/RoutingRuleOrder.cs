using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.RoutingRules;

/// <summary>Keeps every rule's order equal to its 1-based position, so "order" in the API always means "tried n-th".</summary>
public static class RoutingRuleOrder
{
    /// <summary>Puts the rule at the position (the end when past it) and renumbers all rules.</summary>
    public static async Task PlaceAsync(CareDeskDbContext db, RoutingRule rule, int position, CancellationToken ct)
    {
        var rules = await OthersInOrderAsync(db, rule.Id, ct);
        rules.Insert(Math.Clamp(position - 1, 0, rules.Count), rule);
        Renumber(rules);
    }

    public static async Task CloseGapAsync(CareDeskDbContext db, Guid removedId, CancellationToken ct) =>
        Renumber(await OthersInOrderAsync(db, removedId, ct));

    public static void Renumber(IEnumerable<RoutingRule> rulesInOrder)
    {
        var order = 1;
        foreach (var rule in rulesInOrder)
            rule.Order = order++;
    }

    private static Task<List<RoutingRule>> OthersInOrderAsync(CareDeskDbContext db, Guid exceptId, CancellationToken ct) =>
        db.RoutingRules.Where(r => r.Id != exceptId).OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
}
