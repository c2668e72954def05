import { useConnectionState } from './RealtimeContext';

const labels = {
  connected: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline — retrying',
} as const;

export function ConnectionIndicator() {
  const state = useConnectionState();
  return (
    <span className={`connection connection-${state}`} data-testid="connection-status" data-state={state}
      role="status" title={state === 'connected' ? 'Receiving live updates' : 'Live updates paused; catching up on reconnect'}>
      <span className="dot" /> {labels[state]}
    </span>
  );
}
