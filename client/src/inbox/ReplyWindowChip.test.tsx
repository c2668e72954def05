import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyWindowChip } from './ReplyWindowChip';
import { useReplyWindowClosed } from './replyWindow';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('ReplyWindowChip', () => {
  it.each([
    [5 * 60, 'open', /^Reply window 5h/],
    [90, 'closing', /^Reply window 1h 3\dm$/],
    [-1, 'closed', /^Reply window closed$/],
  ])('with %i minutes left it is %s', (minutes, state, text) => {
    render(<ReplyWindowChip closesAt={inMinutes(minutes)} />);
    expect(screen.getByTestId('reply-window')).toHaveAttribute('data-state', state);
    expect(screen.getByTestId('reply-window')).toHaveTextContent(text);
  });

  it('shows nothing where the channel sets no window', () => {
    render(<ReplyWindowChip closesAt={null} />);
    expect(screen.queryByTestId('reply-window')).not.toBeInTheDocument();
  });
});

describe('useReplyWindowClosed', () => {
  afterEach(() => vi.useRealTimers());

  it('turns true the moment the window closes', () => {
    vi.useFakeTimers();
    const closesAt = inMinutes(1);
    const { result } = renderHook(() => useReplyWindowClosed(closesAt));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(60_000));
    expect(result.current).toBe(true);
  });

  it('is never true without a window', () => {
    const { result } = renderHook(() => useReplyWindowClosed(null));
    expect(result.current).toBe(false);
  });
});
