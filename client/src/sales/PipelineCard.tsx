import { useState } from 'react';
import type { Lead, LeadStatus } from '../api';
import { formatFollowers } from '../ui/format';
import { pipeline, statusLabels } from './leadsState';

interface PipelineCardProps {
  lead: Lead;
  onSave: (status: LeadStatus, value: number | null) => Promise<void>;
}

export function PipelineCard({ lead, onSave }: PipelineCardProps) {
  const [status, setStatus] = useState<LeadStatus>(lead.status as LeadStatus);
  const [value, setValue] = useState(lead.value === null ? '' : String(lead.value));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parsedValue = value.trim() === '' ? null : Number(value);
  const valid = parsedValue === null || (Number.isFinite(parsedValue) && parsedValue >= 0);
  const changed = status !== lead.status || parsedValue !== lead.value;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await onSave(status, parsedValue);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="pipeline-card" data-testid="sales-item" data-lead-id={lead.id} data-status={lead.status}>
      <div className="item-line">
        <strong>{lead.contact.name || lead.contact.handle}</strong>
        <span className="influence">{formatFollowers(lead.contact.followers)}</span>
      </div>
      <div className="pipeline-text" title={lead.mention.text}>{lead.mention.text}</div>
      <select aria-label="Stage" value={status} onChange={(e) => setStatus(e.target.value as LeadStatus)}
        data-testid="lead-status-select">
        {pipeline.map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
      </select>
      <div className="item-line">
        <input className="value-input" inputMode="decimal" aria-label="Value" placeholder="Value $" value={value}
          onChange={(e) => setValue(e.target.value)} data-testid="lead-value" aria-invalid={!valid} />
        <button type="button" disabled={!changed || !valid || busy} onClick={() => void save()} data-testid="lead-save">
          Save
        </button>
      </div>
      {error && <div className="error-text" role="alert">{error}</div>}
    </li>
  );
}
