using CareDesk.Data.Entities;

namespace CareDesk.Api.Features.Ingest;

public static class RoutingRuleMatch
{
    /// <summary>True when every condition the rule sets holds for the mention.</summary>
    public static bool Matches(RoutingRule rule, Guid channelId, Message mention, int followers)
    {
        if (rule.ChannelId is { } channel && channel != channelId)
            return false;
        if (!string.IsNullOrWhiteSpace(rule.Intent) && !string.Equals(rule.Intent, mention.Intent, StringComparison.OrdinalIgnoreCase))
            return false;
        if (rule.SentimentBelow is { } threshold && (mention.SentimentScore ?? 0) >= threshold)
            return false;
        if (rule.FollowersAbove is { } minimum && followers <= minimum)
            return false;
        if (!string.IsNullOrWhiteSpace(rule.Language) && !string.Equals(rule.Language, mention.Language, StringComparison.OrdinalIgnoreCase))
            return false;
        var keywords = Keywords(rule.Keywords);
        return keywords.Length == 0 || keywords.Any(k => mention.Text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    public static string[] Keywords(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
