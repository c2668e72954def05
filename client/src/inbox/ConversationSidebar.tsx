import { api, type ConversationDetail } from '../api';
import { ChannelIcon } from '../ui/Chips';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { formatScore, formatTime } from '../ui/format';
import { useResource } from '../ui/useResource';

export function ConversationSidebar({ conversation, onOpen }: { conversation: ConversationDetail; onOpen: (id: string) => void }) {
  return (
    <aside className="conversation-sidebar">
      <AnalysisPanel conversation={conversation} />
      <ContactHistory contactId={conversation.contact.id} currentId={conversation.id} onOpen={onOpen} />
    </aside>
  );
}

function AnalysisPanel({ conversation }: { conversation: ConversationDetail }) {
  const latest = [...conversation.messages].reverse().find((m) => m.kind === 'mention' && m.analysis);
  const analysis = latest?.analysis;
  return (
    <section className="panel" data-testid="analysis">
      <h3>Analysis <span className="muted">latest customer message</span></h3>
      {!analysis ? (
        <Empty>No analysis yet.</Empty>
      ) : (
        <dl className="analysis">
          <dt>Sentiment</dt>
          <dd>
            <span className={`chip sentiment-${analysis.sentiment.label}`}>{analysis.sentiment.label}</span>{' '}
            {formatScore(analysis.sentiment.score)}
            <Reasons reasons={analysis.sentiment.reasons} />
          </dd>
          <dt>Intent</dt>
          <dd>
            <span className={`chip intent-${analysis.intent.label}`}>{analysis.intent.label}</span>{' '}
            {Math.round(analysis.intent.confidence * 100)}%
            <Reasons reasons={analysis.intent.reasons} />
          </dd>
        </dl>
      )}
    </section>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return <div className="muted">no specific cues</div>;
  return (
    <ul className="reasons" data-testid="analysis-reasons">
      {reasons.map((reason) => <li key={reason}>{reason}</li>)}
    </ul>
  );
}

function ContactHistory({ contactId, currentId, onOpen }: { contactId: string; currentId: string; onOpen: (id: string) => void }) {
  const history = useResource(() => api.conversations.contactHistory(contactId), contactId);
  const others = history.data?.filter((c) => c.id !== currentId) ?? [];
  return (
    <section className="panel" data-testid="contact-history">
      <h3>Contact history</h3>
      {history.loading && !history.data ? <Loading /> : history.error ? (
        <ErrorNote error={history.error} onRetry={history.reload} />
      ) : others.length === 0 ? (
        <Empty>First conversation with this contact.</Empty>
      ) : (
        <ul className="history">
          {others.map((c) => (
            <li key={c.id}>
              <button type="button" className="history-item" onClick={() => onOpen(c.id)}
                data-testid="history-item" data-conversation-id={c.id}>
                <ChannelIcon channel={c.channel} />
                <span className="preview">{c.preview}</span>
                <span className={`status-pill status-${c.status}`}>{c.status}</span>
                <time className="muted">{formatTime(c.lastMessageAt)}</time>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
