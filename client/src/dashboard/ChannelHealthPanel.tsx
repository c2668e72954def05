import type { ChannelHealth } from '../api';
import { ChannelIcon } from '../ui/Chips';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { formatAgo } from '../ui/format';
import { useNow } from '../ui/useNow';
import { useChannelHealth } from './useChannelHealth';

export function ChannelHealthPanel({ refreshKey }: { refreshKey: number }) {
  const { data, error, loading, reload } = useChannelHealth(refreshKey);
  return (
    <section className="panel dash-channels">
      <h3>Channels <span className="muted">health</span></h3>
      {error && !data ? <ErrorNote error={error} onRetry={reload} /> : loading && !data ? <Loading /> : !data?.length ? (
        <Empty>No channels connected.</Empty>
      ) : (
        <table className="data" data-testid="channel-health">
          <thead>
            <tr><th>Channel</th><th>Last event</th><th>Connection</th><th>Last error</th></tr>
          </thead>
          <tbody>
            {data.map((channel) => <ChannelHealthRow key={channel.id} channel={channel} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChannelHealthRow({ channel }: { channel: ChannelHealth }) {
  const now = useNow();
  return (
    <tr data-testid="channel-health-row" data-channel-id={channel.id} data-quiet={String(channel.quiet)}>
      <td><ChannelIcon channel={channel} /> {channel.name}</td>
      <td>
        {channel.lastEventAt ? <time dateTime={channel.lastEventAt}>{ago(channel.lastEventAt, now)}</time> : 'never'}
        {channel.quiet && <span className="chip quiet-chip" title="No event for longer than expected">quiet</span>}
      </td>
      <td><ConnectionState connected={channel.connected} /></td>
      <td className="health-error">
        {channel.lastError ? (
          <>
            <span className="error-text">{channel.lastError}</span>
            {channel.lastErrorAt && <span className="muted"> · {ago(channel.lastErrorAt, now)}</span>}
          </>
        ) : '—'}
      </td>
    </tr>
  );
}

function ConnectionState({ connected }: { connected: boolean | null }) {
  if (connected === null) return <span className="muted" title="Events arrive by webhook">webhook</span>;
  return connected
    ? <span className="connection-up">connected</span>
    : <span className="connection-down">disconnected</span>;
}

function ago(iso: string, now: number): string {
  const shown = formatAgo(iso, now);
  return shown === 'now' ? 'just now' : `${shown} ago`;
}
