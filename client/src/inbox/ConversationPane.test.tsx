import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession, type ConversationDetail } from '../api';
import { AuthProvider } from '../auth/AuthContext';
import { RealtimeClient } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeContext';
import { FakeConnection } from '../test/fakeConnection';
import { summary } from '../test/fixtures';
import { ConversationPane } from './ConversationPane';

const me = { id: 'u1', name: 'Alex', email: 'alex@demo', roles: ['Agent' as const] };

function detail(overrides: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    ...summary({ id: 'c1', sequence: 10 }),
    messages: [{
      id: 'm1', kind: 'mention', text: 'My parcel is lost', createdAt: '2026-11-22T10:00:00Z', author: { name: 'Dana', handle: 'dana' },
      analysis: {
        sentiment: { score: -0.5, label: 'negative', reasons: ['"lost"'] },
        intent: { label: 'complaint', confidence: 0.8, reasons: ['"my parcel"'] },
      },
    }],
    ...overrides,
  };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

describe('ConversationPane collisions', () => {
  let connection: FakeConnection;
  let server: { detail: ConversationDetail; claim: () => Response; retry: () => Response };
  let createClient: () => RealtimeClient;

  beforeEach(() => {
    saveSession({ accessToken: 't', expiresIn: 3600, user: me });
    connection = new FakeConnection();
    createClient = () => new RealtimeClient({ connect: () => connection, fetchEventsAfter: vi.fn() });
    server = { detail: detail(), claim: () => json(200, server.detail), retry: () => json(202, { replyId: 'r1', status: 'queued' }) };
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/api/conversations/c1') return json(200, server.detail);
      if (url === '/api/conversations/c1/claim') return server.claim();
      if (url === '/api/conversations/c1/replies/r1/retry') return server.retry();
      if (url.startsWith('/api/contacts/')) return json(200, []);
      return json(404, { title: 'Not found' });
    }));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  async function openPane() {
    render(
      <AuthProvider>
        <RealtimeProvider createClient={createClient}>
          <ConversationPane conversationId="c1" summary={undefined} myId="u1" cannedResponses={[]} agents={null} onOpen={vi.fn()} />
        </RealtimeProvider>
      </AuthProvider>,
    );
    await screen.findByTestId('conversation-pane');
  }

  it('tells the hub which conversation is open', async () => {
    await openPane();
    await waitFor(() => expect(connection.invocations).toContainEqual(['ViewConversation', 'c1']));
  });

  it('blocks replying the moment another agent claims it', async () => {
    await openPane();
    expect(screen.getByTestId('reply-input')).toBeEnabled();
    act(() => connection.push('ConversationChanged', { ...server.detail, messages: undefined, assigneeId: 'u2', assigneeName: 'Bo', sequence: 11 }));
    expect(screen.getByTestId('reply-input')).toBeDisabled();
    expect(screen.getByTestId('reply-send')).toBeDisabled();
    expect(screen.getByTestId('claim-button')).toBeDisabled();
    expect(screen.getByTestId('conversation-assignee')).toHaveTextContent('Held by Bo');
  });

  it('shows who else is viewing and typing', async () => {
    await openPane();
    act(() => connection.push('PresenceChanged', {
      conversationId: 'c1', viewers: [{ userId: 'u1', name: 'Alex' }, { userId: 'u2', name: 'Bo' }],
      typing: [{ userId: 'u2', name: 'Bo' }], sequence: 12,
    }));
    expect(screen.getByTestId('presence-viewers')).toHaveTextContent('Bo is viewing');
    expect(screen.getByTestId('presence-typing')).toHaveTextContent('Bo is typing…');
  });

  it('says so when it loses a claim race, and then shows the winner', async () => {
    await openPane();
    server.claim = () => {
      server.detail = { ...server.detail, assigneeId: 'u2', assigneeName: 'Bo', sequence: 13 };
      return json(409, { title: 'Conflict', status: 409 });
    };
    await userEvent.click(screen.getByTestId('claim-button'));
    expect(await screen.findByText('Someone else claimed this conversation first.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('reply-input')).toBeDisabled());
    expect(screen.getByTestId('conversation-assignee')).toHaveTextContent('Held by Bo');
  });

  it('appends new mentions and follows reply delivery live', async () => {
    server.detail = detail({
      messages: [...detail().messages, {
        id: 'r1', kind: 'reply', text: 'Looking into it', createdAt: '2026-11-22T10:05:00Z', author: { name: 'Alex' }, deliveryStatus: 'queued',
      }],
    });
    await openPane();
    act(() => connection.push('MentionReceived', {
      conversationId: 'c1', sequence: 14,
      message: { id: 'm2', kind: 'mention', text: 'Any news? <b>now</b>', createdAt: '2026-11-22T10:06:00Z', author: { name: 'Dana' } },
    }));
    act(() => connection.push('ReplyStatusChanged', { conversationId: 'c1', replyId: 'r1', status: 'failed', error: 'rate limited', sequence: 15 }));
    const texts = screen.getAllByTestId('message-text').map((m) => m.textContent);
    expect(texts).toEqual(['My parcel is lost', 'Looking into it', 'Any news? <b>now</b>']);
    expect(screen.getByTestId('reply-status')).toHaveAttribute('data-status', 'failed');
    expect(screen.getByTestId('reply-status')).toHaveTextContent('Failed: rate limited');
  });

  describe('failed replies', () => {
    const replies = (assigneeId: string | null) => detail({
      assigneeId, assigneeName: assigneeId ? 'Bo' : null,
      messages: [...detail().messages,
        { id: 'r1', kind: 'reply', text: 'Looking into it', createdAt: '2026-11-22T10:05:00Z', author: { name: 'Alex' },
          deliveryStatus: 'failed', deliveryError: 'rate limited' },
        { id: 'r2', kind: 'reply', text: 'Sorted', createdAt: '2026-11-22T10:06:00Z', author: { name: 'Alex' }, deliveryStatus: 'sent' },
      ],
    });

    it('offers "Send again" only on the failed one, and follows its status after retrying', async () => {
      server.detail = replies(null);
      await openPane();
      expect(screen.getAllByTestId('reply-retry')).toHaveLength(1);
      expect(screen.getByTestId('reply-retry').closest('[data-testid="message"]')).toHaveAttribute('data-message-id', 'r1');
      expect(screen.getByTestId('reply-retry').closest('[data-testid="reply-status"]')).toHaveTextContent('Failed: rate limited');

      await userEvent.click(screen.getByTestId('reply-retry'));
      expect(fetch).toHaveBeenCalledWith('/api/conversations/c1/replies/r1/retry', expect.objectContaining({ method: 'POST' }));
      act(() => connection.push('ReplyStatusChanged', { conversationId: 'c1', replyId: 'r1', status: 'queued', sequence: 20 }));
      expect(screen.queryByTestId('reply-retry')).not.toBeInTheDocument();
      expect(screen.getAllByTestId('reply-status')[0]).toHaveAttribute('data-status', 'queued');
    });

    it('shows why a retry was refused', async () => {
      server.detail = replies(null);
      server.retry = () => json(409, { title: 'Conflict', status: 409, detail: 'Only a failed reply can be sent again; this one is sent.' });
      await openPane();
      await userEvent.click(screen.getByTestId('reply-retry'));
      expect(await screen.findByText('Only a failed reply can be sent again; this one is sent.')).toBeInTheDocument();
    });

    it('offers no retry while another agent holds the conversation', async () => {
      server.detail = replies('u2');
      await openPane();
      expect(screen.getAllByTestId('reply-status')[0]).toHaveAttribute('data-status', 'failed');
      expect(screen.queryByTestId('reply-retry')).not.toBeInTheDocument();
    });
  });

  it('shows the reply window and blocks replies once the network closed it', async () => {
    server.detail = detail({ channel: { id: 'ch-meta', type: 'meta', name: 'Brand on Messenger' },
      replyWindowClosesAt: new Date(Date.now() + 60 * 60_000).toISOString() });
    await openPane();
    expect(screen.getByTestId('reply-window')).toHaveAttribute('data-state', 'closing');
    expect(screen.getByTestId('reply-input')).toBeEnabled();

    act(() => connection.push('ConversationChanged', {
      ...server.detail, messages: undefined, replyWindowClosesAt: '2026-11-22T10:00:00Z', sequence: 30,
    }));
    expect(screen.getByTestId('reply-window')).toHaveAttribute('data-state', 'closed');
    expect(screen.getByTestId('reply-input')).toBeDisabled();
    expect(screen.getByTestId('reply-window-closed')).toBeInTheDocument();
  });

  it('applies a customer\'s edit and deletion to the mention in place', async () => {
    await openPane();
    const original = server.detail.messages[0];
    act(() => connection.push('MentionUpdated', {
      conversationId: 'c1', sequence: 40,
      message: { ...original, text: 'Found it <i>thanks</i>', editedAt: '2026-11-22T10:10:00Z', originalText: 'My parcel is <b>lost</b>' },
    }));
    expect(screen.getAllByTestId('message')).toHaveLength(1);
    expect(screen.getByTestId('message-text')).toHaveTextContent('Found it <i>thanks</i>');
    const edited = screen.getByTestId('message-edited');
    expect(edited).toHaveTextContent('First seen as: My parcel is <b>lost</b>');
    expect(edited.querySelector('b')).toBeNull();
    expect(screen.queryByTestId('message-deleted')).not.toBeInTheDocument();

    act(() => connection.push('MentionUpdated', {
      conversationId: 'c1', sequence: 41,
      message: { ...original, text: 'Found it <i>thanks</i>', editedAt: '2026-11-22T10:10:00Z', originalText: 'My parcel is <b>lost</b>',
        deletedAt: '2026-11-22T10:12:00Z' },
    }));
    expect(screen.getAllByTestId('message')).toHaveLength(1);
    expect(screen.getByTestId('message-deleted')).toHaveTextContent('deleted on the platform');
    expect(screen.getByTestId('message')).toHaveClass('deleted-on-platform');
    expect(screen.getByTestId('message-text')).toHaveTextContent('Found it <i>thanks</i>');
  });
});
