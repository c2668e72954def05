import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelTypeInfo } from '../api';
import { ChannelForm } from './ChannelForm';

const channelTypes: ChannelTypeInfo[] = [
  { type: 'demo', settings: [] },
  { type: 'generic', settings: [
    { name: 'replyUrl', required: false, secret: false, isUrl: true, description: 'Where replies are POSTed.' },
  ] },
  { type: 'meta', settings: [
    { name: 'appSecret', required: true, secret: true, isUrl: false, description: 'Verifies <b>webhooks</b>.' },
    { name: 'pageId', required: true, secret: false, isUrl: false, description: null },
    { name: 'apiBaseUrl', required: false, secret: false, isUrl: true, description: null },
  ] },
];

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('ChannelForm', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/api/channel-types') return json(200, channelTypes);
      if (url === '/api/channels') {
        return json(201, { id: 'ch1', type: 'meta', name: 'Brand', key: 'k1', secret: 's1' });
      }
      return json(404, {});
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('starts on the generic type with its reply URL input', async () => {
    render(<ChannelForm onCreated={vi.fn()} />);
    const replyUrl = await screen.findByTestId('channel-reply-url');
    expect(screen.getByTestId('channel-type')).toHaveValue('generic');
    expect(replyUrl).toHaveAttribute('type', 'url');
    expect(replyUrl).not.toBeRequired();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['demo', 'generic', 'meta']);
  });

  it('renders one input per setting of the chosen type and sends the filled ones', async () => {
    const user = userEvent.setup();
    const onCreated = vi.fn();
    render(<ChannelForm onCreated={onCreated} />);
    await user.selectOptions(await screen.findByTestId('channel-type'), 'meta');

    const inputs = screen.getAllByTestId('channel-setting');
    expect(inputs.map((i) => i.getAttribute('data-name'))).toEqual(['appSecret', 'pageId', 'apiBaseUrl']);
    expect(inputs.map((i) => i.getAttribute('type'))).toEqual(['password', 'text', 'url']);
    expect(inputs.map((i) => (i as HTMLInputElement).required)).toEqual([true, true, false]);
    expect(screen.getByText('Verifies <b>webhooks</b>.')).toBeInTheDocument();
    expect(screen.queryByTestId('channel-reply-url')).not.toBeInTheDocument();

    await user.type(screen.getByTestId('channel-name'), 'Brand');
    await user.type(inputs[0], 'app-secret');
    await user.type(inputs[1], ' 123 ');
    await user.click(screen.getByTestId('channel-create'));

    const [, init] = vi.mocked(fetch).mock.calls.find(([url]) => url === '/api/channels')!;
    expect(JSON.parse(String(init!.body))).toEqual({ type: 'meta', name: 'Brand', appSecret: 'app-secret', pageId: '123' });
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ secret: 's1' }));
  });

  it('asks for nothing more for a type without settings', async () => {
    const user = userEvent.setup();
    render(<ChannelForm onCreated={vi.fn()} />);
    await user.selectOptions(await screen.findByTestId('channel-type'), 'demo');
    expect(screen.queryByTestId('channel-setting')).not.toBeInTheDocument();
    expect(screen.queryByTestId('channel-reply-url')).not.toBeInTheDocument();
  });
});
