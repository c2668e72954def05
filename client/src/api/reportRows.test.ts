import { describe, expect, it } from 'vitest';
import type { OutcomeRow } from './types';
import { totalOutcomeCounts } from './reportRows';

function row(count: number, outcomes: Partial<OutcomeRow['outcomes']>): OutcomeRow {
  return {
    key: 'k', label: 'K', count, firstResponseSecondsMedian: null, firstResponseSecondsP90: null, resolutionSecondsMedian: null,
    slaMetRate: null, sentimentStartAvg: null, sentimentEndAvg: null, sentimentRecoveryRate: null,
    outcomes: { resolved: 0, answered: 0, escalated: 0, sales: 0, no_action: 0, spam: 0, ...outcomes },
  };
}

describe('outcome report rows', () => {
  it('adds up conversations and outcome counts across groups', () => {
    const totals = totalOutcomeCounts([row(1, { resolved: 1 }), row(3, { resolved: 2, spam: 1 }), row(0, {})]);
    expect(totals.count).toBe(4);
    expect(totals.outcomes).toMatchObject({ resolved: 3, spam: 1, no_action: 0 });
  });

  it('totals nothing to zeros', () => {
    expect(totalOutcomeCounts([])).toEqual({ count: 0, outcomes: { resolved: 0, answered: 0, escalated: 0, sales: 0, no_action: 0, spam: 0 } });
  });
});
