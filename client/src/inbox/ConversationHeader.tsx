import type { ConversationSummary, User } from '../api';
import { ChannelIcon, Influence, IntentChip, PriorityBadge, SentimentChip, SlaCountdown } from '../ui/Chips';
import { AssignControl } from './AssignControl';
import { ReplyWindowChip } from './ReplyWindowChip';

interface ConversationHeaderProps {
  conversation: ConversationSummary;
  myId: string;
  agents: User[] | null;
  busy: boolean;
  onClaim: () => void;
  onRelease: () => void;
  onAssign: (agentId: string) => Promise<void>;
}

export function ConversationHeader({ conversation: c, myId, agents, busy, onClaim, onRelease, onAssign }: ConversationHeaderProps) {
  const mine = c.assigneeId === myId;
  const heldByOther = c.assigneeId !== null && !mine;
  return (
    <header className="conversation-header">
      <div className="title-line">
        <ChannelIcon channel={c.channel} />
        <h2>{c.contact.name || c.contact.handle}</h2>
        <span className="muted">@{c.contact.handle.replace(/^@/, '')}</span>
        <Influence followers={c.contact.followers} />
        <span className="muted">followers · {c.channel.name}</span>
        <span className="spacer" />
        <span className={`status-pill status-${c.status}`} data-testid="conversation-status">{c.status}</span>
      </div>
      <div className="title-line">
        <PriorityBadge priority={c.priority} />
        <IntentChip intent={c.intent} />
        <SentimentChip sentiment={c.sentiment} />
        <SlaCountdown conversation={c} />
        <ReplyWindowChip closesAt={c.replyWindowClosesAt} />
        <span className="spacer" />
        <span className="holder" data-testid="conversation-assignee">
          {mine ? 'Held by you' : heldByOther ? `Held by ${c.assigneeName ?? 'another agent'}` : 'Unassigned'}
        </span>
        {mine ? (
          <button type="button" onClick={onRelease} disabled={busy} data-testid="release-button">Release</button>
        ) : (
          <button type="button" className="primary" onClick={onClaim} disabled={busy || heldByOther}
            data-testid="claim-button" title="Claim (c)">
            Claim
          </button>
        )}
        {agents && <AssignControl agents={agents} currentAssigneeId={c.assigneeId} onAssign={onAssign} />}
      </div>
    </header>
  );
}
