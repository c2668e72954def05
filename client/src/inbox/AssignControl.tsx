import { useState } from 'react';
import type { User } from '../api';

interface AssignControlProps {
  agents: User[];
  currentAssigneeId: string | null;
  onAssign: (agentId: string) => Promise<void>;
}

export function AssignControl({ agents, currentAssigneeId, onAssign }: AssignControlProps) {
  const [agentId, setAgentId] = useState('');
  const [busy, setBusy] = useState(false);
  const candidates = agents.filter((a) => a.id !== currentAssigneeId);

  async function assign() {
    if (!agentId) return;
    setBusy(true);
    try {
      await onAssign(agentId);
      setAgentId('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="assign-control">
      <select aria-label="Reassign to" value={agentId} onChange={(e) => setAgentId(e.target.value)}
        data-testid="assign-select">
        <option value="">Reassign to…</option>
        {candidates.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
      <button type="button" disabled={!agentId || busy} onClick={() => void assign()} data-testid="assign-button">
        Assign
      </button>
    </span>
  );
}
