import { useState, type FormEvent } from 'react';
import type { Channel, IntentLabel, Priority, Queue, RoutingRuleInput } from '../api';
import { ErrorNote } from '../ui/Feedback';
import { useAction } from '../ui/useAction';

const intents: IntentLabel[] = ['complaint', 'question', 'praise', 'buying', 'other'];
const priorities: Priority[] = ['low', 'normal', 'high', 'urgent'];

interface RoutingRuleFormProps {
  initial: RoutingRuleInput;
  queues: Queue[];
  channels: Channel[] | null;
  submitLabel: string;
  testId: string;
  onSubmit: (input: RoutingRuleInput) => Promise<void>;
  onCancel?: () => void;
}

const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text));

export function RoutingRuleForm({ initial, queues, channels, submitLabel, testId, onSubmit, onCancel }: RoutingRuleFormProps) {
  const [name, setName] = useState(initial.name);
  const [channelId, setChannelId] = useState(initial.channelId ?? '');
  const [keywords, setKeywords] = useState(initial.keywords.join(', '));
  const [intent, setIntent] = useState(initial.intent ?? '');
  const [sentimentBelow, setSentimentBelow] = useState(initial.sentimentBelow?.toString() ?? '');
  const [followersAbove, setFollowersAbove] = useState(initial.followersAbove?.toString() ?? '');
  const [language, setLanguage] = useState(initial.language ?? '');
  const [queueId, setQueueId] = useState(initial.queueId || queues[0]?.id || '');
  const [priority, setPriority] = useState<Priority>(initial.priority);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(() => onSubmit({
      order: initial.order,
      name: name.trim(),
      channelId: channelId || null,
      keywords: keywords.split(',').map((k) => k.trim()).filter(Boolean),
      intent: (intent || null) as IntentLabel | null,
      sentimentBelow: optionalNumber(sentimentBelow),
      followersAbove: optionalNumber(followersAbove),
      language: language.trim() || null,
      queueId,
      priority,
    }));
  }

  return (
    <form className="admin-form rule-form" onSubmit={submit} data-testid={testId}>
      <label>Name<input required value={name} onChange={(e) => setName(e.target.value)} data-testid="rule-name" /></label>
      <fieldset>
        <legend>When</legend>
        {channels && (
          <label>Channel
            <select value={channelId} onChange={(e) => setChannelId(e.target.value)} data-testid="rule-channel">
              <option value="">Any</option>
              {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
        <label className="wide"><span>Keywords <span className="muted">(comma separated, any matches)</span></span>
          <input value={keywords} onChange={(e) => setKeywords(e.target.value)} data-testid="rule-keywords" />
        </label>
        <label>Intent
          <select value={intent} onChange={(e) => setIntent(e.target.value)} data-testid="rule-intent">
            <option value="">Any</option>
            {intents.map((i) => <option key={i} value={i}>{i}</option>)}
          </select>
        </label>
        <label>Sentiment below
          <input type="number" step="0.1" min={-1} max={1} value={sentimentBelow}
            onChange={(e) => setSentimentBelow(e.target.value)} data-testid="rule-sentiment-below" />
        </label>
        <label>Followers above
          <input type="number" min={0} value={followersAbove} onChange={(e) => setFollowersAbove(e.target.value)}
            data-testid="rule-followers-above" />
        </label>
        <label>Language
          <input value={language} placeholder="e.g. en" size={5} onChange={(e) => setLanguage(e.target.value)}
            data-testid="rule-language" />
        </label>
      </fieldset>
      <fieldset>
        <legend>Then</legend>
        <label>Queue
          <select required value={queueId} onChange={(e) => setQueueId(e.target.value)} data-testid="rule-queue">
            {queues.map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
          </select>
        </label>
        <label>Priority
          <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)} data-testid="rule-priority">
            {priorities.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
      </fieldset>
      <button type="submit" className="primary" disabled={action.busy || !queueId} data-testid="rule-save">{submitLabel}</button>
      {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      <ErrorNote error={action.error} />
    </form>
  );
}
