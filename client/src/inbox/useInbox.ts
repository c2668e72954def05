import { useCallback, useEffect, useReducer, useState } from 'react';
import { api } from '../api';
import { useHubEvents, useResync } from '../realtime/RealtimeContext';
import { emptyInbox, inboxReducer, toServerQuery, type InboxFilter } from './inboxState';

/** The inbox list: a server snapshot for the current filter, kept live by hub events. */
export function useInbox(filter: InboxFilter) {
  const [state, dispatch] = useReducer(inboxReducer, emptyInbox);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const filterKey = JSON.stringify(filter);

  const loadPage = useCallback(async (cursor?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.conversations.list({ ...toServerQuery(JSON.parse(filterKey) as InboxFilter), cursor });
      dispatch({ type: 'loaded', items: page.items });
      setNextCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, [filterKey]);

  useEffect(() => {
    void loadPage();
  }, [loadPage, reloads]);

  useHubEvents(['ConversationCreated', 'ConversationChanged', 'MentionReceived'], (event) => {
    if (event.type === 'ConversationCreated') dispatch({ type: 'created', conversation: event.payload });
    else if (event.type === 'ConversationChanged') dispatch({ type: 'changed', conversation: event.payload });
    else dispatch({ type: 'mentionReceived', conversationId: event.payload.conversationId, message: event.payload.message });
  });
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useResync(reload);

  return {
    state,
    loading,
    error,
    hasMore: nextCursor !== null,
    reload,
    loadMore: () => nextCursor && void loadPage(nextCursor),
  };
}
