import { useState } from 'react';
import { api, type Channel, type CreatedChannel } from '../api';
import { CopyButton } from '../ui/CopyButton';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { useResource } from '../ui/useResource';
import { ChannelForm } from './ChannelForm';

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
