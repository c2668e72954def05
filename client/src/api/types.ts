export type Role = 'Agent' | 'Supervisor' | 'Sales' | 'Admin';

export interface User {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export type ChannelType = 'generic' | 'meta' | 'x' | 'linkedin' | 'mastodon' | 'bluesky' | 'demo';
export type ConversationStatus = 'open' | 'pending' | 'resolved';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type SlaState = 'ok' | 'atRisk' | 'breached' | 'met';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type IntentLabel = 'complaint' | 'question' | 'praise' | 'buying' | 'other';
export type Outcome = 'resolved' | 'answered' | 'escalated' | 'sales' | 'no_action' | 'spam';
export type DeliveryStatus = 'queued' | 'sent' | 'failed';

export interface ChannelRef {
  id: string;
  type: ChannelType;
  name: string;
}

export interface Contact {
  id: string;
  handle: string;
  name: string;
  followers: number;
}

export interface ConversationSummary {
  id: string;
  channel: ChannelRef;
  queueId: string | null;
  status: ConversationStatus;
  priority: Priority;
  assigneeId: string | null;
  assigneeName?: string | null;
  contact: Contact;
  lastMessageAt: string;
  sentiment: { score: number; label: SentimentLabel } | null;
  intent: { label: IntentLabel; confidence: number } | null;
  slaDueAt: string | null;
  slaState?: SlaState;
  /** When the network stops accepting replies (e.g. 24 h after a customer's last DM); null when there is no limit. */
  replyWindowClosesAt: string | null;
  preview: string;
  sequence?: number;
}

export interface Analysis {
  sentiment: { score: number; label: SentimentLabel; reasons: string[] };
  intent: { label: IntentLabel; confidence: number; reasons: string[] };
}

export interface Message {
  id: string;
  kind: 'mention' | 'reply' | 'note';
  text: string;
  createdAt: string;
  author: { name: string; handle?: string | null };
  deliveryStatus?: DeliveryStatus;
  deliveryError?: string | null;
  permalink?: string | null;
  analysis?: Analysis | null;
  /** Set when the customer edited the mention on the network; `originalText` is what agents first saw. */
  editedAt?: string | null;
  originalText?: string | null;
  /** Set when the customer deleted the mention on the network; its text is kept. */
  deletedAt?: string | null;
}

export interface ConversationDetail extends ConversationSummary {
  messages: Message[];
}

export interface ConversationPage {
  items: ConversationSummary[];
  nextCursor: string | null;
}

export interface ConversationQuery {
  status?: ConversationStatus;
  queueId?: string;
  assignee?: 'me' | 'unassigned' | string;
  cursor?: string;
}

export interface QueueMetrics {
  queueId: string;
  name: string;
  waiting: number;
  oldestWaitSeconds: number;
  slaAtRisk: number;
  slaBreached: number;
  agentsOnline: number;
  assignedOpen: number;
}

/** `all` folds the period into one row: the exact medians and rates for KPI tiles. */
export type ReportGroupBy = 'channel' | 'queue' | 'agent' | 'intent' | 'day' | 'all';

export interface OutcomeRow {
  /** The group: a channel, queue or user id, an intent, a yyyy-MM-dd day, or "all". */
  key: string;
  /** The group's name for people (a channel's or queue's name, an agent's name). */
  label: string;
  count: number;
  firstResponseSecondsMedian: number | null;
  firstResponseSecondsP90: number | null;
  resolutionSecondsMedian: number | null;
  slaMetRate: number | null;
  sentimentStartAvg: number | null;
  sentimentEndAvg: number | null;
  sentimentRecoveryRate: number | null;
  outcomes: Record<Outcome, number>;
}

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'won' | 'lost';

/** What sales can decide about a lead: a pipeline stage, or dismissing a flagged signal that is not one. */
export type LeadDecision = LeadStatus | 'dismissed';

export interface Lead {
  id: string;
  /** Pipeline statuses, or a server-side status (e.g. "flagged") for a signal nobody has accepted yet. */
  status: LeadStatus | string;
  confidence: number;
  reasons: string[];
  value: number | null;
  contact: Contact;
  mention: { text: string; createdAt: string; permalink?: string | null };
  conversationId: string | null;
  sequence?: number;
}

export interface Channel {
  id: string;
  type: ChannelType;
  name: string;
  key: string;
  replyUrl?: string | null;
  [setting: string]: unknown;
}

export interface CreatedChannel extends Channel {
  secret: string;
}

export interface ChannelSetting {
  name: string;
  required: boolean;
  secret: boolean;
  isUrl: boolean;
  description: string | null;
}

/** A channel type this server can connect, and the settings it asks for. */
export interface ChannelTypeInfo {
  type: ChannelType;
  settings: ChannelSetting[];
}

export interface ChannelHealth {
  id: string;
  type: ChannelType;
  name: string;
  lastEventAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Whether a streaming channel's connection is up; null for webhook channels, which have none. */
  connected: boolean | null;
  /** No event for longer than the server's quiet threshold. */
  quiet: boolean;
}

export type AutoAssign = 'none' | 'roundRobin' | 'leastLoaded';

export interface Queue {
  id: string;
  name: string;
  firstResponseMinutes: number;
  autoAssign: AutoAssign;
}

export type QueueInput = Omit<Queue, 'id'>;

export interface RoutingRule {
  id: string;
  order: number;
  name: string;
  channelId?: string | null;
  keywords: string[];
  intent?: IntentLabel | null;
  sentimentBelow?: number | null;
  followersAbove?: number | null;
  language?: string | null;
  queueId: string;
  priority: Priority;
}

export type RoutingRuleInput = Omit<RoutingRule, 'id'>;

export interface CannedResponse {
  id: string;
  shortcut: string;
  title: string;
  text: string;
}

export type CannedResponseInput = Omit<CannedResponse, 'id'>;

export interface NewUser {
  name: string;
  email: string;
  password: string;
  roles: Role[];
}

export interface Viewer {
  userId: string;
  name: string;
}
