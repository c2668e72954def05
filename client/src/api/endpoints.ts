import { query, request, send } from './http';
import type { EventsAfterResponse } from './hubMessages';
import type {
  CannedResponse, CannedResponseInput, Channel, ChannelHealth, ChannelTypeInfo, ConversationDetail, ConversationPage,
  ConversationQuery, ConversationSummary, CreatedChannel, Lead, LeadDecision, LoginResponse,
  Outcome, OutcomeRow, Queue, QueueInput, QueueMetrics, ReportGroupBy, Role, RoutingRule,
  RoutingRuleInput, User, NewUser, DeliveryStatus,
} from './types';

const json = (method: string, body?: unknown) => ({ method, body });

export const auth = {
  login: (email: string, password: string) =>
    request<LoginResponse>('/api/auth/login', { ...json('POST', { email, password }), anonymous: true }),
  me: () => request<User>('/api/me'),
};

export const conversations = {
  list: (q: ConversationQuery) => request<ConversationPage>(`/api/conversations${query({ ...q })}`),
  get: (id: string) => request<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`),
  claim: (id: string) => request<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}/claim`, json('POST')),
  release: (id: string) => request<void>(`/api/conversations/${encodeURIComponent(id)}/release`, json('POST')),
  assign: (id: string, agentId: string) =>
    request<void>(`/api/conversations/${encodeURIComponent(id)}/assign`, json('POST', { agentId })),
  reply: (id: string, text: string) =>
    request<{ replyId: string; status: DeliveryStatus }>(
      `/api/conversations/${encodeURIComponent(id)}/replies`, json('POST', { text })),
  /** Only a failed reply can be sent again (409 otherwise); its status then follows ReplyStatusChanged. */
  retryReply: (id: string, replyId: string) =>
    request<{ replyId: string; status: DeliveryStatus }>(
      `/api/conversations/${encodeURIComponent(id)}/replies/${encodeURIComponent(replyId)}/retry`, json('POST')),
  note: (id: string, text: string) =>
    request<void>(`/api/conversations/${encodeURIComponent(id)}/notes`, json('POST', { text })),
  resolve: (id: string, outcome: Outcome, note?: string) =>
    request<void>(`/api/conversations/${encodeURIComponent(id)}/resolve`,
      json('POST', { outcome, note: note || undefined })),
  contactHistory: (contactId: string) =>
    request<ConversationSummary[]>(`/api/contacts/${encodeURIComponent(contactId)}/conversations`),
};

export const events = {
  after: (sequence: number) => request<EventsAfterResponse>(`/api/events${query({ after: sequence })}`),
};

export const metrics = {
  queues: () => request<QueueMetrics[]>('/api/metrics/queues'),
};

export interface ReportRange {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
}

export const reports = {
  outcomes: (range: ReportRange) => request<OutcomeRow[]>(`/api/reports/outcomes${query({ ...range })}`),
  /** The bearer header goes with the request; the caller turns the blob into a download. */
  outcomesCsv: async (range: ReportRange) =>
    (await send(`/api/reports/outcomes${query({ ...range })}`, { accept: 'text/csv' })).blob(),
};

export const leads = {
  list: (status?: string) => request<Lead[]>(`/api/leads${query({ status })}`),
  setStatus: (id: string, status: LeadDecision, value?: number | null, note?: string) =>
    request<Lead | undefined>(`/api/leads/${encodeURIComponent(id)}/status`,
      json('POST', { status, value: value ?? undefined, note: note || undefined })),
};

export const channels = {
  list: () => request<Channel[]>('/api/channels'),
  create: (settings: Record<string, unknown>) => request<CreatedChannel>('/api/channels', json('POST', settings)),
  types: () => request<ChannelTypeInfo[]>('/api/channel-types'),
  health: () => request<ChannelHealth[]>('/api/channels/health'),
};

export const queues = {
  list: () => request<Queue[]>('/api/queues'),
  create: (input: QueueInput) => request<Queue>('/api/queues', json('POST', input)),
  update: (id: string, input: QueueInput) =>
    request<Queue | undefined>(`/api/queues/${encodeURIComponent(id)}`, json('PUT', input)),
};

export const routingRules = {
  list: () => request<RoutingRule[]>('/api/routing-rules'),
  create: (input: RoutingRuleInput) => request<RoutingRule>('/api/routing-rules', json('POST', input)),
  update: (id: string, input: RoutingRuleInput) =>
    request<RoutingRule | undefined>(`/api/routing-rules/${encodeURIComponent(id)}`, json('PUT', input)),
  remove: (id: string) => request<void>(`/api/routing-rules/${encodeURIComponent(id)}`, json('DELETE')),
};

export const cannedResponses = {
  list: () => request<CannedResponse[]>('/api/canned-responses'),
  create: (input: CannedResponseInput) => request<CannedResponse>('/api/canned-responses', json('POST', input)),
  update: (id: string, input: CannedResponseInput) =>
    request<CannedResponse | undefined>(`/api/canned-responses/${encodeURIComponent(id)}`, json('PUT', input)),
  remove: (id: string) => request<void>(`/api/canned-responses/${encodeURIComponent(id)}`, json('DELETE')),
};

export const users = {
  list: () => request<User[]>('/api/users'),
  create: (input: NewUser) => request<User>('/api/users', json('POST', input)),
  setRoles: (id: string, roles: Role[]) =>
    request<User | undefined>(`/api/users/${encodeURIComponent(id)}/roles`, json('PUT', { roles })),
};
