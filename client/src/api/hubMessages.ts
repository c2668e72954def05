import type { ConversationSummary, Lead, Message, QueueMetrics, Viewer, DeliveryStatus } from './types';

export interface MentionReceived {
  conversationId: string;
  message: Message;
  sequence: number;
}

/** A mention the customer edited or deleted on the network, sent whole so it replaces the thread's copy. */
export type MentionUpdated = MentionReceived;

export interface ReplyStatusChanged {
  conversationId: string;
  replyId: string;
  status: DeliveryStatus;
  error?: string | null;
  sequence: number;
}

export interface PresenceChanged {
  conversationId: string;
  viewers: Viewer[];
  typing: Viewer[];
  sequence: number;
}

export interface QueueMetricsChanged {
  queues: QueueMetrics[];
  sequence: number;
}

export interface SlaAlert {
  conversationId: string;
  kind: 'atRisk' | 'breached';
  dueAt: string;
  sequence: number;
}

/** Server-to-client hub methods, by their wire names, and the payload each carries. */
export interface HubPayloads {
  ConversationCreated: ConversationSummary & { sequence: number };
  ConversationChanged: ConversationSummary & { sequence: number };
  MentionReceived: MentionReceived;
  MentionUpdated: MentionUpdated;
  ReplyStatusChanged: ReplyStatusChanged;
  PresenceChanged: PresenceChanged;
  QueueMetricsChanged: QueueMetricsChanged;
  BuyingSignalFlagged: Lead & { sequence: number };
  SlaAlert: SlaAlert;
}

export type HubEventType = keyof HubPayloads;

export type HubEvent = {
  [K in HubEventType]: { type: K; sequence: number; payload: HubPayloads[K] };
}[HubEventType];

export const hubEventTypes: HubEventType[] = [
  'ConversationCreated',
  'ConversationChanged',
  'MentionReceived',
  'MentionUpdated',
  'ReplyStatusChanged',
  'PresenceChanged',
  'QueueMetricsChanged',
  'BuyingSignalFlagged',
  'SlaAlert',
];

/** Client-to-server hub methods. */
export const hubMethods = {
  viewConversation: 'ViewConversation',
  leaveConversation: 'LeaveConversation',
  typing: 'Typing',
} as const;

export const hubPath = '/hubs/inbox';

export interface EventsAfterResponse {
  events: { sequence: number; type: string; payload: unknown }[];
}

export function isHubEventType(type: string): type is HubEventType {
  return (hubEventTypes as string[]).includes(type);
}

export function toHubEvent(type: HubEventType, payload: { sequence: number }): HubEvent {
  return { type, sequence: payload.sequence, payload } as HubEvent;
}
