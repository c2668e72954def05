import type { ConversationSummary } from '../api';
import { ChannelIcon, Influence, IntentChip, PriorityBadge, SentimentChip, SlaCountdown } from '../ui/Chips';
import { formatAgo } from '../ui/format';
import { useNow } from '../ui/useNow';

interface InboxItemProps {
  conversation: ConversationSummary;
  selected: boolean;
  arrivedLive: boolean;
  myId: string;
  onSelect: (id: string) => void;
}

export function InboxItem({ conversation: c, selected, arrivedLive, myId, onSelect }: InboxItemProps) {
  const now = useNow();
  const assignee = c.assigneeId === myId ? 'You' : c.assigneeName ?? (c.assigneeId ? 'Assigned' : 'Unassigned');
  return (
    <li
      className={`inbox-item${selected ? ' selected' : ''}${arrivedLive ? ' arrived' : ''} status-${c.status}`}
      data-testid="inbox-item"
      data-conversation-id={c.id}
      aria-selected={selected}
      role="option"
      onClick={() => onSelect(c.id)}
    >
      <div className="item-line">
        <ChannelIcon channel={c.channel} />
        <span className="author" title={c.contact.handle}>{c.contact.name || c.contact.handle}</span>
        <Influence followers={c.contact.followers} />
        <span className="spacer" />
        <time className="muted" dateTime={c.lastMessageAt}>{formatAgo(c.lastMessageAt, now)}</time>
      </div>
      <div className="preview" data-testid="inbox-preview">{c.preview}</div>
      <div className="item-line chips">
        <PriorityBadge priority={c.priority} />
        <IntentChip intent={c.intent} />
        <SentimentChip sentiment={c.sentiment} />
        <span className="spacer" />
        <span className={`assignee${c.assigneeId ? '' : ' none'}`} data-testid="inbox-assignee">{assignee}</span>
        <SlaCountdown conversation={c} />
      </div>
    </li>
  );
}
