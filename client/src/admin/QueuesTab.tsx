import { useState, type FormEvent } from 'react';
import { api, type AutoAssign, type Queue, type QueueInput } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { useAction } from '../ui/useAction';
import { useResource } from '../ui/useResource';

const autoAssignLabels: Record<AutoAssign, string> = { none: 'Manual', roundRobin: 'Round robin', leastLoaded: 'Least loaded' };
const blank: QueueInput = { name: '', firstResponseMinutes: 30, autoAssign: 'none' };

export function QueuesTab() {
  const queues = useResource(() => api.queues.list(), 'admin-queues');
  return (
    <div className="admin-tab">
      <QueueForm initial={blank} submitLabel="Add queue" testId="queue-form"
        onSubmit={async (input) => {
          await api.queues.create(input);
          queues.reload();
        }} />
      {queues.error ? <ErrorNote error={queues.error} onRetry={queues.reload} /> : !queues.data ? <Loading /> : queues.data.length === 0 ? (
        <Empty>No queues yet.</Empty>
      ) : (
        <table className="data" data-testid="queue-admin-table">
          <thead><tr><th>Queue</th><th>First response SLA</th><th>Auto-assign</th><th /></tr></thead>
          <tbody>
            {queues.data.map((queue) => <QueueRow key={queue.id} queue={queue} onSaved={queues.reload} />)}
          </tbody>
        </table>
      )}
    </div>
  );
}

function QueueRow({ queue, onSaved }: { queue: Queue; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <tr data-testid="queue-admin-row" data-queue-id={queue.id}>
        <td colSpan={4}>
          <QueueForm initial={queue} submitLabel="Save" testId="queue-edit-form" onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              await api.queues.update(queue.id, input);
              setEditing(false);
              onSaved();
            }} />
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid="queue-admin-row" data-queue-id={queue.id}>
      <td>{queue.name}</td>
      <td>{queue.firstResponseMinutes} min</td>
      <td>{autoAssignLabels[queue.autoAssign]}</td>
      <td className="actions"><button type="button" onClick={() => setEditing(true)} data-testid="queue-edit">Edit</button></td>
    </tr>
  );
}

interface QueueFormProps {
  initial: QueueInput;
  submitLabel: string;
  testId: string;
  onSubmit: (input: QueueInput) => Promise<void>;
  onCancel?: () => void;
}

function QueueForm({ initial, submitLabel, testId, onSubmit, onCancel }: QueueFormProps) {
  const [name, setName] = useState(initial.name);
  const [minutes, setMinutes] = useState(String(initial.firstResponseMinutes));
  const [autoAssign, setAutoAssign] = useState<AutoAssign>(initial.autoAssign);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await action.run(() => onSubmit({ name: name.trim(), firstResponseMinutes: Number(minutes), autoAssign }));
    if (ok && !onCancel) {
      setName('');
      setMinutes(String(blank.firstResponseMinutes));
      setAutoAssign('none');
    }
  }

  return (
    <form className="admin-form" onSubmit={submit} data-testid={testId}>
      <label>Name<input required value={name} onChange={(e) => setName(e.target.value)} data-testid="queue-name" /></label>
      <label>First response within (minutes)
        <input type="number" min={1} required value={minutes} onChange={(e) => setMinutes(e.target.value)}
          data-testid="queue-sla-minutes" />
      </label>
      <label>Auto-assign
        <select value={autoAssign} onChange={(e) => setAutoAssign(e.target.value as AutoAssign)} data-testid="queue-auto-assign">
          {(Object.keys(autoAssignLabels) as AutoAssign[]).map((a) => <option key={a} value={a}>{autoAssignLabels[a]}</option>)}
        </select>
      </label>
      <button type="submit" className="primary" disabled={action.busy} data-testid="queue-save">{submitLabel}</button>
      {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      <ErrorNote error={action.error} />
    </form>
  );
}
