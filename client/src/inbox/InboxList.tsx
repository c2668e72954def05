import { useEffect, useRef } from 'react';
import type { ConversationSummary } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { InboxItem } from './InboxItem';

interface InboxListProps {
  conversations: ConversationSummary[];
  arrivedLive: Record<string, true>;
  selectedId: string | null;
  myId: string;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  onRetry: () => void;
  onLoadMore: () => void;
  onSelect: (id: string) => void;
}

export function InboxList(props: InboxListProps) {
  const { conversations, selectedId, loading, error } = props;
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    const item = listRef.current?.querySelector(`[data-conversation-id="${CSS.escape(selectedId)}"]`);
    item?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  if (error && conversations.length === 0) return <ErrorNote error={error} onRetry={props.onRetry} />;
  if (loading && conversations.length === 0) return <Loading label="Loading conversations…" />;
  if (conversations.length === 0) return <Empty>No conversations match these filters. New mentions appear here as they arrive.</Empty>;

  return (
    <>
      <ul className="inbox-list" role="listbox" aria-label="Conversations" ref={listRef} data-testid="inbox-list">
        {conversations.map((c) => (
          <InboxItem key={c.id} conversation={c} selected={c.id === selectedId} myId={props.myId}
            arrivedLive={Boolean(props.arrivedLive[c.id])} onSelect={props.onSelect} />
        ))}
      </ul>
      {props.hasMore && (
        <button type="button" className="link load-more" onClick={props.onLoadMore} disabled={loading}
          data-testid="inbox-load-more">
          {loading ? 'Loading…' : 'Load older conversations'}
        </button>
      )}
    </>
  );
}
