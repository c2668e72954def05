import { useEffect, useState } from 'react';
import { api, type ConversationDetail, type ConversationSummary, type PresenceChanged } from '../api';
import { useHubEvents, useRealtime, useResync } from '../realtime/RealtimeContext';
import { useResource } from '../ui/useResource';

function withSummary(detail: ConversationDetail, summary: ConversationSummary): ConversationDetail {
  if ((summary.sequence ?? 0) < (detail.sequence ?? 0)) return detail;
  return { ...detail, ...summary, messages: detail.messages };
}

/** One open conversation: its detail from the server, kept live, plus who else is there. */
export function useConversation(conversationId: string) {
  const realtime = useRealtime();
  const detail = useResource(() => api.conversations.get(conversationId), conversationId);
  const [presence, setPresence] = useState<PresenceChanged | null>(null);
  const { setData, reload } = detail;

  useEffect(() => {
    realtime.view(conversationId);
    return () => realtime.view(null);
  }, [realtime, conversationId]);

  useHubEvents(['ConversationChanged', 'MentionReceived', 'MentionUpdated', 'ReplyStatusChanged', 'PresenceChanged'], (event) => {
    const payload = event.payload;
    const id = 'conversationId' in payload ? payload.conversationId : payload.id;
    if (id !== conversationId) return;
    switch (event.type) {
      case 'ConversationChanged':
        setData((current) => current && withSummary(current, event.payload));
        break;
      case 'MentionReceived':
        setData((current) => {
          if (!current || current.messages.some((m) => m.id === event.payload.message.id)) return current;
          return { ...current, messages: [...current.messages, event.payload.message] };
        });
        break;
      case 'MentionUpdated': {
        const updated = event.payload.message;
        if (!detail.data?.messages.some((m) => m.id === updated.id)) {
          reload();
          break;
        }
        setData((current) => current && {
          ...current,
          messages: current.messages.map((m) => (m.id === updated.id ? updated : m)),
        });
        break;
      }
      case 'ReplyStatusChanged': {
        const { replyId, status, error } = event.payload;
        if (!detail.data?.messages.some((m) => m.id === replyId)) {
          reload();
          break;
        }
        setData((current) => current && {
          ...current,
          messages: current.messages.map((m) =>
            m.id === replyId ? { ...m, deliveryStatus: status, deliveryError: error ?? null } : m),
        });
        break;
      }
      case 'PresenceChanged':
        setPresence(event.payload);
        break;
    }
  });
  useResync(reload);

  return {
    ...detail,
    presence: presence?.conversationId === conversationId ? presence : null,
  };
}
