import { useCallback, useEffect, useRef } from 'react';
import { useRealtime } from '../realtime/RealtimeContext';

const idleMs = 4000;

/** Reports typing to the hub once per burst and stops after a pause, instead of on every keystroke. */
export function useTypingSignal(conversationId: string): (isTyping: boolean) => void {
  const realtime = useRealtime();
  const typingRef = useRef(false);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
    if (typingRef.current) {
      typingRef.current = false;
      realtime.typing(conversationId, false);
    }
  }, [realtime, conversationId]);

  useEffect(() => stop, [stop]);

  return useCallback((isTyping: boolean) => {
    if (!isTyping) {
      stop();
      return;
    }
    if (!typingRef.current) {
      typingRef.current = true;
      realtime.typing(conversationId, true);
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stop, idleMs);
  }, [realtime, conversationId, stop]);
}
