import type { Outcome, OutcomeRow } from './types';

export const outcomeNames: Outcome[] = ['resolved', 'answered', 'escalated', 'sales', 'no_action', 'spam'];

export interface OutcomeCountTotals {
  count: number;
  outcomes: Record<Outcome, number>;
}

/** Adds up the conversations and outcome counts of grouped rows (counts add exactly; medians would not). */
export function totalOutcomeCounts(rows: OutcomeRow[]): OutcomeCountTotals {
  const outcomes = Object.fromEntries(outcomeNames.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const row of rows) {
    for (const o of outcomeNames) outcomes[o] += row.outcomes[o] ?? 0;
  }
  return { count: rows.reduce((n, row) => n + row.count, 0), outcomes };
}
