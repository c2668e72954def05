import type { Outcome, OutcomeRow, ReportGroupBy } from './types';

export const outcomeNames: Outcome[] = ['resolved', 'answered', 'escalated', 'sales', 'no_action', 'spam'];

function camel(name: string): string {
  return name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
}

/** The row's group label: the column named after `groupBy` (or `key`), a plain value or a `{ name }` object. */
export function outcomeReportKey(row: OutcomeRow, groupBy: ReportGroupBy): string {
  const value = row[groupBy] ?? row[`${groupBy}Name`] ?? row.key ?? row.group ?? row.name;
  if (value && typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name);
  return value === undefined || value === null ? '—' : String(value);
}

/** Outcome counts, whether the server nests them under `outcomes` or puts them on the row. */
export function outcomeCounts(row: OutcomeRow): Record<Outcome, number> {
  const nested = (row.outcomes && typeof row.outcomes === 'object' ? row.outcomes : row) as Record<string, unknown>;
  const counts = {} as Record<Outcome, number>;
  for (const outcome of outcomeNames) {
    counts[outcome] = Number(nested[outcome] ?? nested[camel(outcome)] ?? 0);
  }
  return counts;
}

function weightedAverage(rows: OutcomeRow[], pick: (row: OutcomeRow) => number | null): number | null {
  let weight = 0;
  let sum = 0;
  for (const row of rows) {
    const value = pick(row);
    if (value === null || value === undefined || row.count === 0) continue;
    weight += row.count;
    sum += value * row.count;
  }
  return weight === 0 ? null : sum / weight;
}

export interface OutcomeTotals {
  count: number;
  firstResponseSecondsMedian: number | null;
  firstResponseSecondsP90: number | null;
  resolutionSecondsMedian: number | null;
  slaMetRate: number | null;
  sentimentRecoveryRate: number | null;
  outcomes: Record<Outcome, number>;
}

/**
 * Folds grouped rows into one line. With a single row this is exact; across several rows the
 * medians and p90 are count-weighted averages, which is the best the grouped report allows.
 */
export function totalOutcomes(rows: OutcomeRow[]): OutcomeTotals {
  const outcomes = Object.fromEntries(outcomeNames.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const row of rows) {
    const counts = outcomeCounts(row);
    for (const o of outcomeNames) outcomes[o] += counts[o];
  }
  return {
    count: rows.reduce((n, row) => n + row.count, 0),
    firstResponseSecondsMedian: weightedAverage(rows, (r) => r.firstResponseSecondsMedian),
    firstResponseSecondsP90: weightedAverage(rows, (r) => r.firstResponseSecondsP90),
    resolutionSecondsMedian: weightedAverage(rows, (r) => r.resolutionSecondsMedian),
    slaMetRate: weightedAverage(rows, (r) => r.slaMetRate),
    sentimentRecoveryRate: weightedAverage(rows, (r) => r.sentimentRecoveryRate),
    outcomes,
  };
}
