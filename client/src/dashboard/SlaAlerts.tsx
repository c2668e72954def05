import { useState } from 'react';
import { api, type SlaAlert, type User } from '../api';
import { AssignControl } from '../inbox/AssignControl';
import { useHubEvents } from '../realtime/RealtimeContext';
import { Empty } from '../ui/Feedback';
import { formatTime } from '../ui/format';
import { navigate } from '../ui/router';

const keep = 50;

export function SlaAlerts({ agents }: { agents: User[] }) {
  const [alerts, setAlerts] = useState<SlaAlert[]>([]);
  const [error, setError] = useState<string | null>(null);
  useHubEvents(['SlaAlert'], (event) => setAlerts((current) => [event.payload, ...current].slice(0, keep)));

  async function assign(conversationId: string, agentId: string) {
    setError(null);
    try {
      await api.conversations.assign(conversationId, agentId);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <section className="panel dash-alerts">
      <h3>SLA alerts <span className="muted">as they happen</span></h3>
      {error && <div className="error-text" role="alert">{error}</div>}
      {alerts.length === 0 ? (
        <Empty>No SLA alerts since you opened the dashboard.</Empty>
      ) : (
        <ul className="alerts" data-testid="sla-alerts">
          {alerts.map((alert) => (
            <li key={alert.sequence} className={`alert alert-${alert.kind}`} data-testid="sla-alert"
              data-conversation-id={alert.conversationId} data-kind={alert.kind}>
              <span className={`chip sla-${alert.kind}`}>{alert.kind === 'breached' ? 'Breached' : 'At risk'}</span>
              <button type="button" className="link alert-conversation" data-testid="sla-alert-open"
                title="Open in the inbox" onClick={() => navigate(`/inbox/${encodeURIComponent(alert.conversationId)}`)}>
                {alert.conversationId}
              </button>
              <span className="muted">due {formatTime(alert.dueAt)}</span>
              <span className="spacer" />
              <AssignControl agents={agents} currentAssigneeId={null}
                onAssign={(agentId) => assign(alert.conversationId, agentId)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
