import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelHealth } from '../api';
import { ChannelHealthPanel } from './ChannelHealthPanel';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const health: ChannelHealth[] = [
  { id: 'a', type: 'meta', name: 'Brand on Messenger', lastEventAt: minutesAgo(3), lastError: null, lastErrorAt: null,
    connected: null, quiet: false },
  { id: 'b', type: 'bluesky', name: 'Brand on Bluesky', lastEventAt: minutesAgo(300), lastError: 'Auth failed <b>401</b>',
    lastErrorAt: minutesAgo(10), connected: false, quiet: true },
];

describe('ChannelHealthPanel', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(health), {
      status: 200, headers: { 'Content-Type': 'application/json' },
    })));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows each channel\'s last event, connection, quiet warning and last error as text', async () => {
    render(<ChannelHealthPanel refreshKey={0} />);
    const rows = await screen.findAllByTestId('channel-health-row');
    expect(rows.map((row) => row.getAttribute('data-quiet'))).toEqual(['false', 'true']);
    expect(rows[0]).toHaveTextContent('3m ago');
    expect(rows[0]).toHaveTextContent('webhook');
    expect(within(rows[1]).getByText('quiet')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('disconnected');
    expect(rows[1]).toHaveTextContent('Auth failed <b>401</b>');
    expect(rows[1].querySelector('b')).toBeNull();
  });

  it('loads again when the dashboard is refreshed', async () => {
    const { rerender } = render(<ChannelHealthPanel refreshKey={0} />);
    await screen.findAllByTestId('channel-health-row');
    rerender(<ChannelHealthPanel refreshKey={1} />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(fetch).toHaveBeenLastCalledWith('/api/channels/health', expect.anything());
  });

  it('loads again every minute', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    render(<ChannelHealthPanel refreshKey={0} />);
    await screen.findAllByTestId('channel-health-row');
    vi.advanceTimersByTime(60_000);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
  });
});
