import { describe, expect, it } from 'vitest';
import { summary } from '../test/fixtures';
import { emptyInbox, inboxReducer, visibleConversations, type InboxFilter } from './inboxState';

const all: InboxFilter = { status: 'all', queueId: 'all', assignee: 'all' };

describe('inbox reducer', () => {
  it('adds a created conversation and marks it as arrived live', () => {
    const created = summary({ id: 'a', sequence: 5 });
    const state = inboxReducer(emptyInbox, { type: 'created', conversation: created });
    expect(state.byId.a).toEqual(created);
    expect(state.arrivedLive.a).toBe(true);
  });

  it('does not mark snapshot items as arrived live', () => {
    const state = inboxReducer(emptyInbox, { type: 'loaded', items: [summary({ id: 'a' })] });
    expect(state.arrivedLive).toEqual({});
  });

  it('updates a changed conversation in place', () => {
    let state = inboxReducer(emptyInbox, { type: 'loaded', items: [summary({ id: 'a', sequence: 1 })] });
    state = inboxReducer(state, {
      type: 'changed',
      conversation: summary({ id: 'a', sequence: 2, assigneeId: 'u2', assigneeName: 'Sam' }),
    });
    expect(Object.keys(state.byId)).toEqual(['a']);
    expect(state.byId.a.assigneeName).toBe('Sam');
  });

  it('ignores a change older than what it already holds', () => {
    let state = inboxReducer(emptyInbox, { type: 'changed', conversation: summary({ id: 'a', sequence: 9, status: 'pending' }) });
    const before = state;
    state = inboxReducer(state, { type: 'changed', conversation: summary({ id: 'a', sequence: 4, status: 'open' }) });
    expect(state).toBe(before);
    state = inboxReducer(state, { type: 'loaded', items: [summary({ id: 'a', sequence: 3, status: 'open' })] });
    expect(state.byId.a.status).toBe('pending');
  });

  it('updates the preview when a newer mention arrives', () => {
    let state = inboxReducer(emptyInbox, { type: 'loaded', items: [summary({ id: 'a' })] });
    state = inboxReducer(state, {
      type: 'mentionReceived',
      conversationId: 'a',
      message: { id: 'm2', kind: 'mention', text: 'Still waiting!', createdAt: '2026-11-22T11:00:00Z', author: { name: 'Dana' } },
    });
    expect(state.byId.a.preview).toBe('Still waiting!');
    expect(state.byId.a.lastMessageAt).toBe('2026-11-22T11:00:00Z');
  });

  it('orders by priority, then the soonest SLA, then the latest activity', () => {
    const items = [
      summary({ id: 'normal-late-sla', priority: 'normal', slaDueAt: '2026-11-22T12:00:00Z' }),
      summary({ id: 'normal-early-sla', priority: 'normal', slaDueAt: '2026-11-22T10:10:00Z' }),
      summary({ id: 'urgent', priority: 'urgent', slaDueAt: '2026-11-22T13:00:00Z' }),
      summary({ id: 'low', priority: 'low', slaDueAt: '2026-11-22T09:00:00Z' }),
      summary({ id: 'normal-no-sla-new', priority: 'normal', slaDueAt: null, lastMessageAt: '2026-11-22T11:00:00Z' }),
      summary({ id: 'normal-no-sla-old', priority: 'normal', slaDueAt: null, lastMessageAt: '2026-11-22T08:00:00Z' }),
    ];
    const state = inboxReducer(emptyInbox, { type: 'loaded', items });
    expect(visibleConversations(state, all, 'me').map((c) => c.id)).toEqual([
      'urgent', 'normal-early-sla', 'normal-late-sla', 'normal-no-sla-new', 'normal-no-sla-old', 'low',
    ]);
  });

  it('places a live arrival by triage order, not at the end', () => {
    let state = inboxReducer(emptyInbox, { type: 'loaded', items: [summary({ id: 'normal', priority: 'normal' })] });
    state = inboxReducer(state, { type: 'created', conversation: summary({ id: 'high', priority: 'high' }) });
    expect(visibleConversations(state, all, 'me').map((c) => c.id)).toEqual(['high', 'normal']);
  });

  describe('filters', () => {
    const state = inboxReducer(emptyInbox, {
      type: 'loaded',
      items: [
        summary({ id: 'mine', assigneeId: 'me' }),
        summary({ id: 'theirs', assigneeId: 'u2' }),
        summary({ id: 'free' }),
        summary({ id: 'billing', queueId: 'q-billing' }),
        summary({ id: 'done', status: 'resolved', assigneeId: 'me' }),
      ],
    });
    const ids = (filter: Partial<InboxFilter>) =>
      visibleConversations(state, { ...all, ...filter }, 'me').map((c) => c.id).sort();

    it('by status', () => expect(ids({ status: 'resolved' })).toEqual(['done']));
    it('by queue', () => expect(ids({ queueId: 'q-billing' })).toEqual(['billing']));
    it('mine', () => expect(ids({ assignee: 'mine' })).toEqual(['done', 'mine']));
    it('unassigned and open', () => expect(ids({ assignee: 'unassigned', status: 'open' })).toEqual(['billing', 'free']));

    it('drops a conversation from "unassigned" as soon as someone claims it', () => {
      const claimed = inboxReducer(state, {
        type: 'changed', conversation: { ...state.byId.free, assigneeId: 'u2', sequence: 100 },
      });
      const visible = visibleConversations(claimed, { ...all, assignee: 'unassigned' }, 'me').map((c) => c.id);
      expect(visible).not.toContain('free');
    });
  });
});
