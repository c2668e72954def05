import { useState } from 'react';
import { api, type Channel, type RoutingRule, type RoutingRuleInput } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { useAction } from '../ui/useAction';
import { useResource } from '../ui/useResource';
import { RoutingRuleForm } from './RoutingRuleForm';

function withoutId({ id: _id, ...input }: RoutingRule): RoutingRuleInput {
  return input;
}

export function describeConditions(rule: RoutingRule, channels: Channel[] | null): string {
  const parts: string[] = [];
  if (rule.channelId) parts.push(`channel is ${channels?.find((c) => c.id === rule.channelId)?.name ?? rule.channelId}`);
  if (rule.keywords.length) parts.push(`mentions ${rule.keywords.map((k) => `“${k}”`).join(' or ')}`);
  if (rule.intent) parts.push(`intent is ${rule.intent}`);
  if (rule.sentimentBelow !== null && rule.sentimentBelow !== undefined) parts.push(`sentiment < ${rule.sentimentBelow}`);
  if (rule.followersAbove !== null && rule.followersAbove !== undefined) parts.push(`followers > ${rule.followersAbove.toLocaleString()}`);
  if (rule.language) parts.push(`language is ${rule.language}`);
  return parts.length ? parts.join(' and ') : 'every mention';
}

export function RoutingRulesTab({ canSeeChannels }: { canSeeChannels: boolean }) {
  const rules = useResource(() => api.routingRules.list().then((list) => [...list].sort((a, b) => a.order - b.order)), 'rules');
  const queues = useResource(() => api.queues.list(), 'rule-queues');
  const channels = useResource<Channel[] | null>(
    () => (canSeeChannels ? api.channels.list() : Promise.resolve(null)), `rule-channels-${canSeeChannels}`);
  const [editingId, setEditingId] = useState<string | null>(null);
  const reorder = useAction();

  if (rules.error || queues.error) {
    return <ErrorNote error={rules.error ?? queues.error} onRetry={() => { rules.reload(); queues.reload(); }} />;
  }
  if (!rules.data || !queues.data) return <Loading />;
  const list = rules.data;
  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name ?? id;
  const nextOrder = list.reduce((max, r) => Math.max(max, r.order), 0) + 1;

  async function swap(index: number, other: number) {
    const a = list[index];
    const b = list[other];
    await reorder.run(async () => {
      await api.routingRules.update(a.id, { ...withoutId(a), order: b.order });
      await api.routingRules.update(b.id, { ...withoutId(b), order: a.order });
    });
    rules.reload();
  }

  return (
    <div className="admin-tab">
      {queues.data.length === 0 ? <Empty>Create a queue first; every rule routes to one.</Empty> : (
        <RoutingRuleForm key={`new-${list.length}`} queues={queues.data} channels={channels.data ?? null}
          submitLabel="Add rule" testId="rule-form"
          initial={{ order: nextOrder, name: '', keywords: [], queueId: '', priority: 'normal' }}
          onSubmit={async (input) => {
            await api.routingRules.create(input);
            rules.reload();
          }} />
      )}
      <p className="muted">Rules are tried from the top; the first that matches picks the queue and priority.</p>
      <ErrorNote error={reorder.error} />
      {list.length === 0 ? <Empty>No routing rules: every mention goes to the default queue.</Empty> : (
        <ol className="rules" data-testid="rule-list">
          {list.map((rule, index) => (
            <li key={rule.id} className="rule" data-testid="rule-row" data-rule-id={rule.id}>
              {editingId === rule.id ? (
                <RoutingRuleForm initial={withoutId(rule)} queues={queues.data!} channels={channels.data ?? null}
                  submitLabel="Save" testId="rule-edit-form" onCancel={() => setEditingId(null)}
                  onSubmit={async (input) => {
                    await api.routingRules.update(rule.id, input);
                    setEditingId(null);
                    rules.reload();
                  }} />
              ) : (
                <>
                  <span className="rule-order">{index + 1}</span>
                  <span className="rule-body">
                    <strong>{rule.name}</strong>
                    <span>When {describeConditions(rule, channels.data ?? null)} → <strong>{queueName(rule.queueId)}</strong>,{' '}
                      <span className={`priority priority-${rule.priority}`}>{rule.priority}</span></span>
                  </span>
                  <span className="actions">
                    <button type="button" disabled={index === 0 || reorder.busy} onClick={() => void swap(index, index - 1)}
                      aria-label="Move up" data-testid="rule-up">↑</button>
                    <button type="button" disabled={index === list.length - 1 || reorder.busy}
                      onClick={() => void swap(index, index + 1)} aria-label="Move down" data-testid="rule-down">↓</button>
                    <button type="button" onClick={() => setEditingId(rule.id)} data-testid="rule-edit">Edit</button>
                    <DeleteRuleButton rule={rule} onDeleted={rules.reload} />
                  </span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function DeleteRuleButton({ rule, onDeleted }: { rule: RoutingRule; onDeleted: () => void }) {
  const removal = useAction();
  return (
    <>
      <button type="button" className="danger" disabled={removal.busy} data-testid="rule-delete"
        onClick={() => void removal.run(async () => {
          await api.routingRules.remove(rule.id);
          onDeleted();
        })}>
        Delete
      </button>
      <ErrorNote error={removal.error} />
    </>
  );
}
