import { useState, type FormEvent } from 'react';
import { api, type Channel, type ChannelType, type CreatedChannel } from '../api';
import { CopyButton } from '../ui/CopyButton';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { useAction } from '../ui/useAction';
import { useResource } from '../ui/useResource';

const channelTypes: ChannelType[] = ['generic', 'demo', 'meta', 'x', 'linkedin', 'mastodon', 'bluesky'];

export function webhookUrl(channel: Pick<Channel, 'type' | 'key'>): string {
  return `${window.location.origin}/api/webhooks/${channel.type}/${encodeURIComponent(channel.key)}`;
}

export function ChannelsTab() {
  const channels = useResource(() => api.channels.list(), 'channels');
  const [created, setCreated] = useState<CreatedChannel | null>(null);

  return (
    <div className="admin-tab">
      {created && <CreatedChannelNotice channel={created} onDismiss={() => setCreated(null)} />}
      <ChannelForm onCreated={(channel) => {
        setCreated(channel);
        channels.reload();
      }} />
      {channels.error ? <ErrorNote error={channels.error} onRetry={channels.reload} /> : !channels.data ? <Loading /> : channels.data.length === 0 ? (
        <Empty>No channels yet. Connect one above.</Empty>
      ) : (
        <table className="data" data-testid="channel-table">
          <thead><tr><th>Name</th><th>Type</th><th>Key</th><th>Webhook URL</th><th /></tr></thead>
          <tbody>
            {channels.data.map((channel) => (
              <tr key={channel.id} data-testid="channel-row" data-channel-id={channel.id}>
                <td>{channel.name}</td>
                <td>{channel.type}</td>
                <td><code data-testid="channel-key">{channel.key}</code></td>
                <td><code className="url">{webhookUrl(channel)}</code></td>
                <td><CopyButton text={webhookUrl(channel)} testId="channel-copy-webhook" label="Copy URL" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function CreatedChannelNotice({ channel, onDismiss }: { channel: CreatedChannel; onDismiss: () => void }) {
  return (
    <div className="secret-notice" role="alert" data-testid="channel-created">
      <strong>Channel “{channel.name}” created.</strong> Copy the secret now: it is shown only once.
      <dl>
        <dt>Webhook URL</dt>
        <dd><code>{webhookUrl(channel)}</code> <CopyButton text={webhookUrl(channel)} testId="created-copy-webhook" /></dd>
        <dt>Secret</dt>
        <dd><code data-testid="channel-secret">{channel.secret}</code> <CopyButton text={channel.secret} testId="copy-secret" /></dd>
      </dl>
      <button type="button" onClick={onDismiss} data-testid="channel-secret-dismiss">I have stored the secret</button>
    </div>
  );
}

function ChannelForm({ onCreated }: { onCreated: (channel: CreatedChannel) => void }) {
  const [type, setType] = useState<ChannelType>('generic');
  const [name, setName] = useState('');
  const [replyUrl, setReplyUrl] = useState('');
  const [settings, setSettings] = useState('');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const extra = parseSettings(settings);
      const body = { ...extra, type, name: name.trim(), ...(type === 'generic' && replyUrl.trim() ? { replyUrl: replyUrl.trim() } : {}) };
      onCreated(await api.channels.create(body));
      setName('');
      setReplyUrl('');
      setSettings('');
    });
  }

  return (
    <form className="admin-form" onSubmit={submit} data-testid="channel-form">
      <label>Type
        <select value={type} onChange={(e) => setType(e.target.value as ChannelType)} data-testid="channel-type">
          {channelTypes.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label>Name
        <input required value={name} onChange={(e) => setName(e.target.value)} data-testid="channel-name" />
      </label>
      {type === 'generic' ? (
        <label className="wide"><span>Reply URL <span className="muted">(optional; without it the channel only receives)</span></span>
          <input type="url" value={replyUrl} onChange={(e) => setReplyUrl(e.target.value)} data-testid="channel-reply-url" />
        </label>
      ) : type !== 'demo' && (
        <label className="wide"><span>Platform settings <span className="muted">(JSON, as the connector expects)</span></span>
          <input value={settings} placeholder='{ "pageId": "…" }' onChange={(e) => setSettings(e.target.value)}
            data-testid="channel-settings" />
        </label>
      )}
      <button type="submit" className="primary" disabled={action.busy} data-testid="channel-create">Create channel</button>
      <ErrorNote error={action.error} />
    </form>
  );
}

function parseSettings(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below with the same message as a non-object
  }
  throw new Error('Platform settings must be a JSON object, e.g. { "pageId": "123" }.');
}
