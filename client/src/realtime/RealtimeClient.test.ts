import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventsAfterResponse, HubEvent } from '../api';
import { FakeConnection } from '../test/fakeConnection';
import { RealtimeClient } from './RealtimeClient';

function changed(sequence: number) {
  return { id: `c${sequence}`, sequence, preview: `event ${sequence}` };
}

function stored(sequence: number) {
  return { sequence, type: 'ConversationChanged', payload: changed(sequence) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('RealtimeClient catch-up after a reconnect', () => {
  let connection: FakeConnection;
  let fetchEventsAfter: ReturnType<typeof vi.fn<(sequence: number) => Promise<EventsAfterResponse>>>;
  let client: RealtimeClient;
  let applied: number[];

  beforeEach(async () => {
    connection = new FakeConnection();
    fetchEventsAfter = vi.fn<(sequence: number) => Promise<EventsAfterResponse>>();
    client = new RealtimeClient({ connect: () => connection, fetchEventsAfter, retryDelaysMs: [1000] });
    applied = [];
    client.onEvent((event: HubEvent) => applied.push(event.sequence));
    await client.start();
  });

  afterEach(() => vi.useRealTimers());

  it('applies live events in order and ignores repeats and older sequences', () => {
    connection.push('ConversationCreated', changed(1));
    connection.push('ConversationChanged', changed(2));
    connection.push('ConversationChanged', changed(2));
    connection.push('ConversationChanged', changed(1));
    expect(applied).toEqual([1, 2]);
    expect(client.lastAppliedSequence).toBe(2);
  });

  it('fetches what it missed after the last applied sequence and applies each event once', async () => {
    connection.push('ConversationChanged', changed(10));
    connection.push('ConversationChanged', changed(11));
    connection.reconnecting();
    expect(client.connectionState).toBe('reconnecting');

    fetchEventsAfter.mockResolvedValue({ events: [stored(10), stored(11), stored(12), stored(13)] });
    connection.reconnected();
    await vi.waitFor(() => expect(applied).toEqual([10, 11, 12, 13]));
    expect(fetchEventsAfter).toHaveBeenCalledWith(11);
    expect(client.connectionState).toBe('connected');
  });

  it('replays missed mention edits by their type', async () => {
    const kinds: string[] = [];
    client.onEvent((event: HubEvent) => kinds.push(event.type));
    connection.push('ConversationChanged', changed(20));
    connection.reconnecting();
    fetchEventsAfter.mockResolvedValue({ events: [
      { sequence: 21, type: 'MentionUpdated', payload: { conversationId: 'c1', sequence: 21, message: { id: 'm1' } } },
    ] });
    connection.reconnected();
    await vi.waitFor(() => expect(applied).toEqual([20, 21]));
    expect(kinds).toEqual(['ConversationChanged', 'MentionUpdated']);
  });

  it('holds back live messages that arrive while the gap is being filled, then applies all in order', async () => {
    connection.push('ConversationChanged', changed(20));
    const pending = deferred<EventsAfterResponse>();
    fetchEventsAfter.mockReturnValue(pending.promise);
    connection.reconnected();

    connection.push('ConversationChanged', changed(23));
    connection.push('ConversationChanged', changed(22));
    expect(applied).toEqual([20]);

    pending.resolve({ events: [stored(21), stored(22)] });
    await vi.waitFor(() => expect(applied).toEqual([20, 21, 22, 23]));

    connection.push('ConversationChanged', changed(22));
    expect(applied).toEqual([20, 21, 22, 23]);
  });

  it('skips stored events of types it does not know', async () => {
    connection.push('ConversationChanged', changed(1));
    fetchEventsAfter.mockResolvedValue({
      events: [{ sequence: 2, type: 'SomethingNew', payload: {} }, stored(3)],
    });
    connection.reconnected();
    await vi.waitFor(() => expect(applied).toEqual([1, 3]));
  });

  it('asks views to reload when it has no sequence to resume from', async () => {
    const resync = vi.fn();
    client.onResync(resync);
    connection.reconnected();
    await vi.waitFor(() => expect(resync).toHaveBeenCalledTimes(1));
    expect(fetchEventsAfter).not.toHaveBeenCalled();
  });

  it('asks views to reload when the missed events cannot be fetched', async () => {
    const resync = vi.fn();
    client.onResync(resync);
    connection.push('ConversationChanged', changed(5));
    fetchEventsAfter.mockRejectedValue(new Error('500'));
    connection.reconnected();
    await vi.waitFor(() => expect(resync).toHaveBeenCalledTimes(1));
  });

  it('keeps retrying after automatic reconnect gives up, then catches up', async () => {
    vi.useFakeTimers();
    connection.push('ConversationChanged', changed(7));
    connection.startFailures = 1;
    fetchEventsAfter.mockResolvedValue({ events: [stored(8)] });

    connection.closed(new Error('gave up'));
    expect(client.connectionState).toBe('disconnected');

    await vi.advanceTimersByTimeAsync(1000);
    expect(connection.starts).toBe(2);
    expect(client.connectionState).toBe('disconnected');

    await vi.advanceTimersByTimeAsync(1000);
    expect(connection.starts).toBe(3);
    expect(client.connectionState).toBe('connected');
    expect(fetchEventsAfter).toHaveBeenCalledWith(7);
    expect(applied).toEqual([7, 8]);
  });

  it('re-announces the open conversation after a reconnect', async () => {
    client.view('c1');
    expect(connection.invocations).toEqual([['ViewConversation', 'c1']]);
    connection.reconnecting();
    connection.reconnected();
    await vi.waitFor(() => expect(connection.invocations).toHaveLength(2));
    expect(connection.invocations[1]).toEqual(['ViewConversation', 'c1']);
    client.view(null);
    expect(connection.invocations[2]).toEqual(['LeaveConversation', 'c1']);
  });
});
