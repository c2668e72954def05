import { describe, expect, it } from 'vitest';
import type { Lead } from '../api';
import { isUnacceptedSignal, mergeLeads } from './leadsState';

function lead(overrides: Partial<Lead>): Lead {
  return {
    id: 'l1', status: 'flagged', confidence: 0.9, reasons: ['"how much"'], value: null,
    contact: { id: 'k1', handle: 'ana', name: 'Ana', followers: 10 },
    mention: { text: 'How much for 20 seats?', createdAt: '2026-11-22T10:00:00Z' },
    conversationId: 'c1', sequence: 1, ...overrides,
  };
}

describe('leads', () => {
  it('treats only flagged leads as signals waiting for a decision', () => {
    expect(isUnacceptedSignal(lead({ status: 'flagged' }))).toBe(true);
    expect(isUnacceptedSignal(lead({ status: 'new' }))).toBe(false);
    expect(isUnacceptedSignal(lead({ status: 'dismissed' }))).toBe(false);
  });

  it('adds a live signal on top and keeps the newer copy of a known lead', () => {
    const older = lead({ id: 'a', mention: { text: 'a', createdAt: '2026-11-22T09:00:00Z' }, sequence: 3, status: 'contacted' });
    const merged = mergeLeads([older], [
      lead({ id: 'b', mention: { text: 'b', createdAt: '2026-11-22T11:00:00Z' }, sequence: 5 }),
      { ...older, status: 'new', sequence: 2 },
    ]);
    expect(merged.map((l) => l.id)).toEqual(['b', 'a']);
    expect(merged[1].status).toBe('contacted');
  });
});
