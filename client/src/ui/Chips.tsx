import type { ChannelRef, ConversationSummary, IntentLabel, Priority, SentimentLabel, SlaState } from '../api';
import { formatDuration, formatFollowers, formatScore } from './format';
import { useNow } from './useNow';

const channelGlyph: Record<string, string> = {
  x: 'X', meta: 'f', mastodon: 'M', bluesky: 'B', generic: 'W', demo: 'D',
};

export function ChannelIcon({ channel }: { channel: ChannelRef }) {
  return (
    <span className={`channel-icon channel-${channel.type}`} title={`${channel.name} (${channel.type})`}
      data-testid="channel-icon" data-channel={channel.type} aria-label={channel.type}>
      {channelGlyph[channel.type] ?? '?'}
    </span>
  );
}

export function SentimentChip({ sentiment }: { sentiment: { score: number; label: SentimentLabel } | null }) {
  if (!sentiment) return null;
  return (
    <span className={`chip sentiment-${sentiment.label}`} title={`Sentiment ${formatScore(sentiment.score)}`}
      data-testid="sentiment-chip">
      {sentiment.label}
    </span>
  );
}

export function IntentChip({ intent }: { intent: { label: IntentLabel; confidence: number } | null }) {
  if (!intent) return null;
  return (
    <span className={`chip intent-${intent.label}`} title={`Confidence ${Math.round(intent.confidence * 100)}%`}
      data-testid="intent-chip">
      {intent.label === 'buying' ? 'buying signal' : intent.label}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <span className={`priority priority-${priority}`} data-testid="priority">{priority}</span>;
}

export function Influence({ followers }: { followers: number }) {
  return <span className="influence" title={`${followers.toLocaleString()} followers`}>{formatFollowers(followers)}</span>;
}

export function SlaCountdown({ conversation }: { conversation: ConversationSummary }) {
  const now = useNow();
  const state: SlaState = conversation.slaState ?? 'ok';
  if (conversation.status === 'resolved' || state === 'met') {
    return <span className="sla sla-met" data-testid="sla">SLA met</span>;
  }
  if (!conversation.slaDueAt) return <span className="sla" data-testid="sla">—</span>;
  const remaining = (new Date(conversation.slaDueAt).getTime() - now) / 1000;
  const shown = remaining < 0 ? 'breached' : remaining < 600 && state === 'ok' ? 'atRisk' : state;
  return (
    <span className={`sla sla-${shown}`} data-testid="sla" data-sla-state={state}
      title={`First response due ${new Date(conversation.slaDueAt).toLocaleString()}`}>
      {remaining < 0 ? `-${formatDuration(-remaining)}` : formatDuration(remaining)}
    </span>
  );
}
