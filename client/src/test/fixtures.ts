import type { ConversationSummary } from '../api';

let counter = 0;

export function summary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  counter += 1;
  return {
    id: `c${counter}`,
    channel: { id: 'ch-x', type: 'x', name: 'Brand on X' },
    queueId: 'q-general',
    status: 'open',
    priority: 'normal',
    assigneeId: null,
    assigneeName: null,
    contact: { id: `contact-${counter}`, handle: 'dana', name: 'Dana', followers: 1200 },
    lastMessageAt: '2026-11-22T10:00:00Z',
    sentiment: { score: -0.4, label: 'negative' },
    intent: { label: 'complaint', confidence: 0.8 },
    slaDueAt: '2026-11-22T10:30:00Z',
    slaState: 'ok',
    replyWindowClosesAt: null,
    preview: 'My order never arrived',
    sequence: counter,
    ...overrides,
  };
}
