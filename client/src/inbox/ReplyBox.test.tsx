import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CannedResponse } from '../api';
import { ReplyBox } from './ReplyBox';

const canned: CannedResponse[] = [
  { id: '1', shortcut: 'thanks', title: 'Thank you', text: 'Thanks for reaching out!' },
  { id: '2', shortcut: '/refund', title: 'Refund policy', text: 'Refunds take 5 days.' },
  { id: '3', shortcut: 'thanks-long', title: 'Long thanks', text: 'Thank you so much for your patience.' },
];

function renderBox(props: Partial<Parameters<typeof ReplyBox>[0]> = {}) {
  const onSend = vi.fn().mockResolvedValue(undefined);
  render(<ReplyBox channelType="x" cannedResponses={canned} heldBy={null} onSend={onSend} {...props} />);
  return { onSend, input: screen.getByTestId('reply-input') as HTMLTextAreaElement };
}

describe('ReplyBox', () => {
  it('counts characters against the X limit and blocks sending over it', async () => {
    const user = userEvent.setup();
    const { input } = renderBox();
    await user.type(input, 'Hello');
    expect(screen.getByTestId('char-counter')).toHaveTextContent('5 / 280');
    expect(screen.getByTestId('reply-send')).toBeEnabled();

    await user.clear(input);
    await user.click(input);
    await user.paste('x'.repeat(281));
    expect(screen.getByTestId('char-counter')).toHaveTextContent('281 / 280');
    expect(screen.getByTestId('char-counter')).toHaveClass('over');
    expect(screen.getByTestId('reply-send')).toBeDisabled();
  });

  it('counts an emoji as one character', async () => {
    const user = userEvent.setup();
    const { input } = renderBox();
    await user.click(input);
    await user.paste('hi 👋');
    expect(screen.getByTestId('char-counter')).toHaveTextContent('4 / 280');
  });

  it('uses each channel\'s own limit', async () => {
    const user = userEvent.setup();
    const { input } = renderBox({ channelType: 'mastodon' });
    await user.type(input, 'abc');
    expect(screen.getByTestId('char-counter')).toHaveTextContent('3 / 500');
  });

  it('shows a plain count where there is no limit: generic webhook channels and private notes', async () => {
    const user = userEvent.setup();
    const { input } = renderBox({ channelType: 'generic' });
    await user.type(input, 'abcd');
    expect(screen.getByTestId('char-counter')).toHaveTextContent(/^4$/);
    await user.click(screen.getByTestId('compose-note-tab'));
    expect(screen.getByTestId('char-counter')).toHaveTextContent(/^4$/);
  });

  it('expands an exact "/keyword" when the agent types a space', async () => {
    const user = userEvent.setup();
    const { input } = renderBox();
    await user.type(input, 'Hi Dana. /thanks ');
    expect(input.value).toBe('Hi Dana. Thanks for reaching out!');
  });

  it('suggests matching responses and inserts the chosen one with Enter', async () => {
    const user = userEvent.setup();
    const { input, onSend } = renderBox();
    await user.type(input, '/ref');
    expect(screen.getAllByTestId('canned-option')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(input.value).toBe('Refunds take 5 days.');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.queryByTestId('canned-suggestions')).not.toBeInTheDocument();
  });

  it('lets the agent pick among several matches with the arrow keys', async () => {
    const user = userEvent.setup();
    const { input } = renderBox();
    await user.type(input, '/than');
    expect(screen.getAllByTestId('canned-option')).toHaveLength(2);
    await user.keyboard('{ArrowDown}{Tab}');
    expect(input.value).toBe('Thank you so much for your patience.');
  });

  it('inserts a clicked suggestion', async () => {
    const user = userEvent.setup();
    const { input } = renderBox();
    await user.type(input, 'Sure! /re');
    await user.click(screen.getByText('Refund policy'));
    expect(input.value).toBe('Sure! Refunds take 5 days.');
  });

  it('does not treat a slash inside a word or URL as a shortcut', async () => {
    const user = userEvent.setup();
    const { input } = renderBox();
    await user.type(input, 'see example.com/thanks ');
    expect(input.value).toBe('see example.com/thanks ');
  });

  it('sends the trimmed text and clears the box', async () => {
    const user = userEvent.setup();
    const { input, onSend } = renderBox();
    await user.type(input, '  On it.  ');
    await user.click(screen.getByTestId('reply-send'));
    expect(onSend).toHaveBeenCalledWith('reply', 'On it.');
    expect(input.value).toBe('');
  });

  it('is disabled and says who holds the conversation when someone else has it', async () => {
    const user = userEvent.setup();
    const { input, onSend } = renderBox({ heldBy: 'Sam' });
    expect(input).toBeDisabled();
    expect(screen.getByTestId('reply-send')).toBeDisabled();
    expect(screen.getByTestId('reply-blocked')).toHaveTextContent('Sam holds this conversation');
    await user.click(screen.getByTestId('reply-send'));
    expect(onSend).not.toHaveBeenCalled();
  });

  it('still allows a private note when someone else holds the conversation', async () => {
    const user = userEvent.setup();
    const { onSend } = renderBox({ heldBy: 'Sam' });
    await user.click(screen.getByTestId('compose-note-tab'));
    await user.type(screen.getByTestId('note-input'), 'Customer called too');
    await user.click(screen.getByTestId('note-send'));
    expect(onSend).toHaveBeenCalledWith('note', 'Customer called too');
  });

  it('shows a failed send readably and keeps the text', async () => {
    const user = userEvent.setup();
    const { input } = renderBox({ onSend: vi.fn().mockRejectedValue(new Error('Sam claimed it first')) });
    await user.type(input, 'Hello');
    await user.click(screen.getByTestId('reply-send'));
    expect(await screen.findByTestId('compose-error')).toHaveTextContent('Sam claimed it first');
    expect(input.value).toBe('Hello');
  });

  it('blocks replies once the reply window has closed, and still takes notes', async () => {
    const user = userEvent.setup();
    const { input, onSend } = renderBox({ replyWindowClosed: true });
    expect(input).toBeDisabled();
    expect(screen.getByTestId('reply-send')).toBeDisabled();
    expect(screen.getByTestId('reply-window-closed')).toHaveTextContent('no longer accepts replies');
    await user.click(screen.getByTestId('compose-note-tab'));
    expect(screen.queryByTestId('reply-window-closed')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('note-input'), 'Asked them to DM again');
    await user.click(screen.getByTestId('note-send'));
    expect(onSend).toHaveBeenCalledWith('note', 'Asked them to DM again');
  });
});
