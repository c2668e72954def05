import { useState, type Ref } from 'react';
import type { Outcome } from '../api';

export const outcomes: { value: Outcome; label: string }[] = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'answered', label: 'Answered' },
  { value: 'escalated', label: 'Escalated' },
  { value: 'sales', label: 'Handed to sales' },
  { value: 'no_action', label: 'No action needed' },
  { value: 'spam', label: 'Spam' },
];

interface ResolveBarProps {
  disabled: boolean;
  onResolve: (outcome: Outcome, note: string) => Promise<void>;
  selectRef?: Ref<HTMLSelectElement>;
}

export function ResolveBar({ disabled, onResolve, selectRef }: ResolveBarProps) {
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function resolve() {
    setBusy(true);
    try {
      await onResolve(outcome, note.trim());
      setNote('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="resolve-bar">
      <label className="inline">
        Outcome
        <select ref={selectRef} value={outcome} disabled={disabled} data-testid="outcome-select"
          onChange={(e) => setOutcome(e.target.value as Outcome)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void resolve();
            }
          }}>
          {outcomes.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <input className="grow" placeholder="Resolution note (optional)" value={note} disabled={disabled}
        data-testid="resolve-note" onChange={(e) => setNote(e.target.value)} />
      <button type="button" disabled={disabled || busy} onClick={() => void resolve()} data-testid="resolve-button">
        {busy ? 'Resolving…' : 'Resolve'}
      </button>
    </div>
  );
}
