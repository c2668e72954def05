import { useEffect, useState } from 'react';

export type ReplyWindowState = 'open' | 'closing' | 'closed';

const closingWithinMs = 2 * 60 * 60 * 1000;
// setTimeout fires at once when asked to wait longer than this.
const longestTimeoutMs = 2_147_483_647;

export function replyWindowState(closesAt: string, now: number): ReplyWindowState {
  const remainingMs = new Date(closesAt).getTime() - now;
  if (remainingMs <= 0) return 'closed';
  return remainingMs < closingWithinMs ? 'closing' : 'open';
}

/** Whether the network has stopped accepting replies; re-renders at the moment the window closes. */
export function useReplyWindowClosed(closesAt: string | null): boolean {
  const [checks, setChecks] = useState(0);
  const closesAtMs = closesAt === null ? null : new Date(closesAt).getTime();
  const closed = closesAtMs !== null && closesAtMs <= Date.now();
  useEffect(() => {
    if (closesAtMs === null || closed) return;
    const timer = setTimeout(() => setChecks((n) => n + 1), Math.min(closesAtMs - Date.now(), longestTimeoutMs));
    return () => clearTimeout(timer);
  }, [closesAtMs, closed, checks]);
  return closed;
}
