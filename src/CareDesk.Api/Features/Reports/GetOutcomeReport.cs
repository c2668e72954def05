using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Reports;

/// <summary>
/// What social care achieved in a period, per channel, queue, agent, intent or day, from the outcome records.
/// Counts, averages and rates are aggregated by the database; medians and p90s come from the sorted column it returns.
/// </summary>
public static class GetOutcomeReport
{
    public static readonly string[] GroupBys = ["channel", "queue", "agent", "intent", "day", "all"];

    /// <summary>A score at or below this counts as a negative start (VADER's neutral band).</summary>
    public const double NegativeBelow = -0.05;

    public sealed record Query(DateTime? From, DateTime? To, string GroupBy) : IRequest<List<Row>>;

    public sealed record Row(
        string Key, string Label, int Count,
        double? FirstResponseSecondsMedian, double? FirstResponseSecondsP90, double? ResolutionSecondsMedian,
        double SlaMetRate, double SentimentStartAvg, double SentimentEndAvg, double? SentimentRecoveryRate,
        IReadOnlyDictionary<string, int> Outcomes);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.GroupBy).Must(g => GroupBys.Contains(g)).WithMessage($"groupBy must be one of: {string.Join(", ", GroupBys)}.");
            RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("to must be after from.");
        }
    }

    public sealed class Handler(CareDeskDbContext db) : IRequestHandler<Query, List<Row>>
    {
        public async Task<List<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var records = db.OutcomeRecords.AsNoTracking();
            if (query.From is { } from)
                records = records.Where(o => o.ResolvedAt >= from.ToUniversalTime());
            if (query.To is { } to)
                records = records.Where(o => o.ResolvedAt < to.ToUniversalTime());

            return query.GroupBy switch
            {
                "channel" => await Build(records, o => o.ChannelId.ToString(), await db.Channels.ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, cancellationToken), cancellationToken),
                "queue" => await Build(records, o => o.QueueId.HasValue ? o.QueueId.Value.ToString() : "", await db.Queues.ToDictionaryAsync(q => q.Id.ToString(), q => q.Name, cancellationToken), cancellationToken),
                "agent" => await Build(records, o => o.AgentId ?? "", await db.Users.ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken), cancellationToken),
                "intent" => await Build(records, o => o.Intent, null, cancellationToken),
                "day" => await Build(records, o => o.ResolvedDay, null, cancellationToken),
                _ => await Build(records, o => "all", new Dictionary<string, string> { ["all"] = "All" }, cancellationToken),
            };
        }

        private static async Task<List<Row>> Build(
            IQueryable<OutcomeRecord> records, Expression<Func<OutcomeRecord, string>> key, Dictionary<string, string>? labels, CancellationToken ct)
        {
            var totals = await records.GroupBy(key).Select(g => new
            {
                Key = g.Key,
                Count = g.Count(),
                SlaMet = g.Count(o => o.SlaMet),
                SentimentStartAvg = g.Average(o => o.SentimentStart),
                SentimentEndAvg = g.Average(o => o.SentimentEnd),
                StartedNegative = g.Count(o => o.SentimentStart <= NegativeBelow),
                Recovered = g.Count(o => o.SentimentStart <= NegativeBelow && o.SentimentEnd > NegativeBelow),
            }).ToListAsync(ct);
            var durations = await records.Select(Durations(key)).ToListAsync(ct);
            var byKey = durations.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.ToList());

            return totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
            {
                var spans = byKey.GetValueOrDefault(t.Key) ?? [];
                var keyText = AsApiKey(t.Key);
                var firstResponses = spans.Where(s => s.FirstResponseSeconds is not null).Select(s => s.FirstResponseSeconds!.Value).Order().ToList();
                var resolutions = spans.Select(s => s.HandlingSeconds).Order().ToList();
                return new Row(
                    keyText,
                    labels?.GetValueOrDefault(keyText) ?? keyText,
                    t.Count,
                    Percentile.Of(firstResponses, 0.5),
                    Percentile.Of(firstResponses, 0.9),
                    Percentile.Of(resolutions, 0.5),
                    Math.Round((double)t.SlaMet / t.Count, 4),
                    Math.Round(t.SentimentStartAvg, 4),
                    Math.Round(t.SentimentEndAvg, 4),
                    t.StartedNegative == 0 ? null : Math.Round((double)t.Recovered / t.StartedNegative, 4),
                    ResolveConversation.Outcomes.ToDictionary(o => o, o => spans.Count(s => s.Outcome == o)));
            }).ToList();
        }

        /// <summary>Databases turn a GUID into upper-case text; the API (and the label lookup) writes ids in lower case.</summary>
        private static string AsApiKey(string key) => Guid.TryParse(key, out var id) ? id.ToString() : key;

        private sealed record Span(string Key, double? FirstResponseSeconds, double HandlingSeconds, string Outcome);

        private static Expression<Func<OutcomeRecord, Span>> Durations(Expression<Func<OutcomeRecord, string>> key)
        {
            var record = key.Parameters[0];
            var body = Expression.New(
                typeof(Span).GetConstructors()[0],
                key.Body,
                Expression.Property(record, nameof(OutcomeRecord.FirstResponseSeconds)),
                Expression.Property(record, nameof(OutcomeRecord.HandlingSeconds)),
                Expression.Property(record, nameof(OutcomeRecord.Outcome)));
            return Expression.Lambda<Func<OutcomeRecord, Span>>(body, record);
        }
    }

    public static string ToCsv(IEnumerable<Row> rows)
    {
        var csv = new StringBuilder();
        csv.Append("key,label,count,firstResponseSecondsMedian,firstResponseSecondsP90,resolutionSecondsMedian,slaMetRate,sentimentStartAvg,sentimentEndAvg,sentimentRecoveryRate");
        foreach (var outcome in ResolveConversation.Outcomes)
            csv.Append(',').Append(outcome);
        csv.Append("\r\n");
        foreach (var row in rows)
        {
            string[] cells =
            [
                Csv.Cell(row.Key), Csv.Cell(row.Label), Csv.Number(row.Count), Csv.Number(row.FirstResponseSecondsMedian), Csv.Number(row.FirstResponseSecondsP90),
                Csv.Number(row.ResolutionSecondsMedian), Csv.Number(row.SlaMetRate), Csv.Number(row.SentimentStartAvg), Csv.Number(row.SentimentEndAvg),
                Csv.Number(row.SentimentRecoveryRate),
            ];
            csv.AppendJoin(',', cells.Concat(ResolveConversation.Outcomes.Select(o => Csv.Number(row.Outcomes[o])))).Append("\r\n");
        }
        return csv.ToString();
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/outcomes", async (DateTime? from, DateTime? to, string? groupBy, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var rows = await mediator.Send(new Query(from, to, groupBy ?? "channel"), ct);
                return request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase))
                    ? Results.Text(ToCsv(rows), "text/csv", Encoding.UTF8)
                    : Results.Ok(rows);
            })
            .RequireAuthorization(Policies.Supervisor);
}
