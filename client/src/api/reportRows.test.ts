import { describe, expect, it } from 'vitest';
import type { OutcomeRow } from './types';
import { outcomeCounts, outcomeReportKey, totalOutcomes } from './reportRows';

function row(overrides: Partial<OutcomeRow>): OutcomeRow {
  return {
    count: 0, firstResponseSecondsMedian: null, firstResponseSecondsP90: null, resolutionSecondsMedian: null,
    slaMetRate: null, sentimentStartAvg: null, sentimentEndAvg: null, sentimentRecoveryRate: null,
    ...overrides,
  };
}

describe('outcome report rows', () => {
  it('reads the group label from the groupBy column, a key column, or a named object', () => {
    expect(outcomeReportKey(row({ channel: 'X' }), 'channel')).toBe('X');
    expect(outcomeReportKey(row({ key: '2026-11-22' }), 'day')).toBe('2026-11-22');
    expect(outcomeReportKey(row({ agent: { id: 'u1', name: 'Dana' } }), 'agent')).toBe('Dana');
  });

  it('reads outcome counts nested or flat, snake or camel case', () => {
    expect(outcomeCounts(row({ outcomes: { resolved: 2, no_action: 1 } })).no_action).toBe(1);
    expect(outcomeCounts(row({ resolved: 3, noAction: 4 }))).toMatchObject({ resolved: 3, no_action: 4, spam: 0 });
  });

  it('totals rows, weighting rates by count', () => {
    const totals = totalOutcomes([
      row({ count: 1, slaMetRate: 1, outcomes: { resolved: 1 } }),
      row({ count: 3, slaMetRate: 0.5, outcomes: { resolved: 2, spam: 1 } }),
      row({ count: 0, slaMetRate: null }),
    ]);
    expect(totals.count).toBe(4);
    expect(totals.slaMetRate).toBeCloseTo(0.625);
    expect(totals.outcomes).toMatchObject({ resolved: 3, spam: 1 });
    expect(totals.firstResponseSecondsMedian).toBeNull();
  });
});
