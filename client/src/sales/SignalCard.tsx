import { useState } from 'react';
import type { Lead } from '../api';
import { LinkifiedText } from '../ui/LinkifiedText';
import { formatFollowers, formatTime } from '../ui/format';

interface SignalCardProps {
  lead: Lead;
  onAccept: () => Promise<void>;
  onDismiss: () => Promise<void>;
}

export function SignalCard({ lead, onAccept, onDismiss }: SignalCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <li className="signal-card" data-testid="sales-item" data-lead-id={lead.id} data-status={lead.status}>
      <div className="item-line">
        <strong>{lead.contact.name || lead.contact.handle}</strong>
        <span className="muted">@{lead.contact.handle.replace(/^@/, '')}</span>
        <span className="influence" title={`${lead.contact.followers.toLocaleString()} followers`}>
          {formatFollowers(lead.contact.followers)} followers
        </span>
        <span className="spacer" />
        <span className="confidence" data-testid="lead-confidence">{Math.round(lead.confidence * 100)}% sure</span>
      </div>
      <blockquote className="signal-text" data-testid="lead-text"><LinkifiedText text={lead.mention.text} /></blockquote>
      <div className="cues" data-testid="lead-reasons">
        <span className="muted">Flagged for:</span>
        {lead.reasons.length === 0 ? <span className="muted">no specific cue</span>
          : lead.reasons.map((reason) => <span key={reason} className="chip intent-buying">{reason}</span>)}
      </div>
      <div className="item-line">
        <time className="muted" dateTime={lead.mention.createdAt}>{formatTime(lead.mention.createdAt)}</time>
        {lead.mention.permalink && /^https?:\/\//i.test(lead.mention.permalink) && (
          <a href={lead.mention.permalink} target="_blank" rel="noopener noreferrer">view post ↗</a>
        )}
        {error && <span className="error-text" role="alert">{error}</span>}
        <span className="spacer" />
        <button type="button" className="danger" disabled={busy} onClick={() => void run(onDismiss)} data-testid="lead-dismiss">
          Dismiss
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void run(onAccept)} data-testid="lead-accept">
          Accept as lead
        </button>
      </div>
    </li>
  );
}
