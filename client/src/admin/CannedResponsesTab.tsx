import { useState, type FormEvent } from 'react';
import { api, type CannedResponse, type CannedResponseInput } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { useAction } from '../ui/useAction';
import { useResource } from '../ui/useResource';

const blank: CannedResponseInput = { shortcut: '', title: '', text: '' };

export function CannedResponsesTab() {
  const responses = useResource(() => api.cannedResponses.list(), 'admin-canned');
  return (
    <div className="admin-tab">
      <CannedForm initial={blank} submitLabel="Add response" testId="canned-form"
        onSubmit={async (input) => {
          await api.cannedResponses.create(input);
          responses.reload();
        }} />
      {responses.error ? <ErrorNote error={responses.error} onRetry={responses.reload} /> : !responses.data ? <Loading /> : responses.data.length === 0 ? (
        <Empty>No canned responses yet. Agents insert them by typing /shortcut in the reply box.</Empty>
      ) : (
        <table className="data" data-testid="canned-table">
          <thead><tr><th>Shortcut</th><th>Title</th><th>Text</th><th /></tr></thead>
          <tbody>
            {responses.data.map((response) => <CannedRow key={response.id} response={response} onChanged={responses.reload} />)}
          </tbody>
        </table>
      )}
    </div>
  );
}

function CannedRow({ response, onChanged }: { response: CannedResponse; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const removal = useAction();
  if (editing) {
    return (
      <tr data-testid="canned-row">
        <td colSpan={4}>
          <CannedForm initial={response} submitLabel="Save" testId="canned-edit-form" onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              await api.cannedResponses.update(response.id, input);
              setEditing(false);
              onChanged();
            }} />
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid="canned-row" data-canned-id={response.id}>
      <td><code>/{response.shortcut.replace(/^\//, '')}</code></td>
      <td>{response.title}</td>
      <td className="text-cell">{response.text}</td>
      <td className="actions">
        <button type="button" onClick={() => setEditing(true)} data-testid="canned-edit">Edit</button>
        <button type="button" className="danger" disabled={removal.busy} data-testid="canned-delete"
          onClick={() => void removal.run(async () => {
            await api.cannedResponses.remove(response.id);
            onChanged();
          })}>
          Delete
        </button>
        <ErrorNote error={removal.error} />
      </td>
    </tr>
  );
}

interface CannedFormProps {
  initial: CannedResponseInput;
  submitLabel: string;
  testId: string;
  onSubmit: (input: CannedResponseInput) => Promise<void>;
  onCancel?: () => void;
}

function CannedForm({ initial, submitLabel, testId, onSubmit, onCancel }: CannedFormProps) {
  const [shortcut, setShortcut] = useState(initial.shortcut.replace(/^\//, ''));
  const [title, setTitle] = useState(initial.title);
  const [text, setText] = useState(initial.text);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await action.run(() => onSubmit({ shortcut: shortcut.trim().replace(/^\//, ''), title: title.trim(), text: text.trim() }));
    if (ok && !onCancel) {
      setShortcut('');
      setTitle('');
      setText('');
    }
  }

  return (
    <form className="admin-form" onSubmit={submit} data-testid={testId}>
      <label>Shortcut
        <input required pattern="[\w-]+" title="Letters, digits, - and _" value={shortcut}
          onChange={(e) => setShortcut(e.target.value)} data-testid="canned-shortcut" />
      </label>
      <label>Title<input required value={title} onChange={(e) => setTitle(e.target.value)} data-testid="canned-title" /></label>
      <label className="wide">Text
        <textarea required rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="canned-text" />
      </label>
      <button type="submit" className="primary" disabled={action.busy} data-testid="canned-save">{submitLabel}</button>
      {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      <ErrorNote error={action.error} />
    </form>
  );
}
