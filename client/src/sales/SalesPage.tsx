import { api, type Lead, type LeadDecision } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { formatMoney } from '../ui/format';
import { isUnacceptedSignal, pipeline, statusLabels } from './leadsState';
import { PipelineCard } from './PipelineCard';
import { SignalCard } from './SignalCard';
import { useLeads } from './useLeads';

export function SalesPage() {
  const leads = useLeads();
  const { replace, reload } = leads;

  async function setStatus(lead: Lead, status: LeadDecision, value: number | null, note?: string) {
    const updated = await api.leads.setStatus(lead.id, status, value, note);
    if (updated) replace(updated);
    else reload();
  }

  if (leads.error && !leads.data) return <ErrorNote error={leads.error} onRetry={reload} />;
  if (!leads.data) return <Loading label="Loading leads…" />;

  const signals = leads.data.filter(isUnacceptedSignal);
  return (
    <div className="sales" data-testid="sales">
      <section className="signals" aria-label="Buying signals">
        <h2>Buying signals <span className="muted">{signals.length} waiting · live</span></h2>
        {signals.length === 0 ? (
          <Empty>No new buying signals. They appear here the moment a mention is flagged.</Empty>
        ) : (
          <ul className="signal-list" data-testid="signal-list">
            {signals.map((lead) => (
              <SignalCard key={lead.id} lead={lead}
                onAccept={() => setStatus(lead, 'new', lead.value)}
                onDismiss={() => setStatus(lead, 'dismissed', null, 'Not a buying signal')} />
            ))}
          </ul>
        )}
      </section>
      <section className="pipeline" aria-label="Pipeline">
        {pipeline.map((status) => {
          const column = leads.data!.filter((l) => l.status === status);
          const total = column.reduce((sum, l) => sum + (l.value ?? 0), 0);
          return (
            <div key={status} className={`pipeline-column column-${status}`} data-testid={`pipeline-${status}`}>
              <h3>{statusLabels[status]} <span className="muted">{column.length} · {formatMoney(total)}</span></h3>
              <ul>
                {column.map((lead) => (
                  <PipelineCard key={`${lead.id}-${lead.status}-${lead.value}`} lead={lead}
                    onSave={(next, value) => setStatus(lead, next, value)} />
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </div>
  );
}
