import type { ConversationStatus, ConversationSummary, Message, Priority } from '../api';

export interface InboxState {
  byId: Record<string, ConversationSummary>;
  /** Conversations that arrived live, so the list can animate them in. */
  arrivedLive: Record<string, true>;
}

export type InboxAction =
  | { type: 'loaded'; items: ConversationSummary[] }
  | { type: 'created'; conversation: ConversationSummary }
  | { type: 'changed'; conversation: ConversationSummary }
  | { type: 'mentionReceived'; conversationId: string; message: Message };

export const emptyInbox: InboxState = { byId: {}, arrivedLive: {} };

/** A copy the server sent later wins; snapshots and events may arrive in either order. */
function isNewer(incoming: ConversationSummary, existing: ConversationSummary | undefined): boolean {
  return !existing || (incoming.sequence ?? 0) >= (existing.sequence ?? 0);
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'loaded': {
      const byId = { ...state.byId };
      for (const item of action.items) if (isNewer(item, byId[item.id])) byId[item.id] = item;
      return { ...state, byId };
    }
    case 'created':
    case 'changed': {
      const { conversation } = action;
      const existing = state.byId[conversation.id];
      if (!isNewer(conversation, existing)) return state;
      const arrivedLive = action.type === 'created' && !existing
        ? { ...state.arrivedLive, [conversation.id]: true as const }
        : state.arrivedLive;
      return { byId: { ...state.byId, [conversation.id]: conversation }, arrivedLive };
    }
    case 'mentionReceived': {
      const existing = state.byId[action.conversationId];
      if (!existing || action.message.kind !== 'mention') return state;
      if (new Date(action.message.createdAt) < new Date(existing.lastMessageAt)) return state;
      const updated = { ...existing, preview: action.message.text, lastMessageAt: action.message.createdAt };
      return { ...state, byId: { ...state.byId, [existing.id]: updated } };
    }
  }
}

export interface InboxFilter {
  status: ConversationStatus | 'all';
  queueId: string | 'all';
  assignee: 'all' | 'mine' | 'unassigned';
}

export const defaultFilter: InboxFilter = { status: 'open', queueId: 'all', assignee: 'all' };

export function matchesFilter(c: ConversationSummary, filter: InboxFilter, myId: string): boolean {
  if (filter.status !== 'all' && c.status !== filter.status) return false;
  if (filter.queueId !== 'all' && c.queueId !== filter.queueId) return false;
  if (filter.assignee === 'mine' && c.assigneeId !== myId) return false;
  if (filter.assignee === 'unassigned' && c.assigneeId) return false;
  return true;
}

const priorityRank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

function dueTime(c: ConversationSummary): number {
  return c.slaDueAt && c.status !== 'resolved' ? new Date(c.slaDueAt).getTime() : Number.POSITIVE_INFINITY;
}

/** Triage order: priority first, then the SLA that runs out soonest, then the latest activity. */
export function compareForTriage(a: ConversationSummary, b: ConversationSummary): number {
  return (
    priorityRank[a.priority] - priorityRank[b.priority] ||
    dueTime(a) - dueTime(b) ||
    new Date(b.lastMessageAt).getTime() - new Date(a.lastMessageAt).getTime() ||
    a.id.localeCompare(b.id)
  );
}

export function visibleConversations(state: InboxState, filter: InboxFilter, myId: string): ConversationSummary[] {
  return Object.values(state.byId)
    .filter((c) => matchesFilter(c, filter, myId))
    .sort(compareForTriage);
}

export function toServerQuery(filter: InboxFilter) {
  return {
    status: filter.status === 'all' ? undefined : filter.status,
    queueId: filter.queueId === 'all' ? undefined : filter.queueId,
    assignee: filter.assignee === 'mine' ? 'me' : filter.assignee === 'unassigned' ? 'unassigned' : undefined,
  };
}
