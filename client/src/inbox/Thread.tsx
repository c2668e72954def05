import { useEffect, useRef } from 'react';
import type { Message } from '../api';
import { MessageItem } from './MessageItem';

interface ThreadProps {
  messages: Message[];
  /** Absent when this agent may not work the conversation. */
  onRetryReply?: (replyId: string) => Promise<unknown>;
}

export function Thread({ messages, onRetryReply }: ThreadProps) {
  const endRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);

  return (
    <ol className="thread" data-testid="thread">
      {messages.map((message) => <MessageItem key={message.id} message={message} onRetryReply={onRetryReply} />)}
      <li ref={endRef} aria-hidden className="thread-end" />
    </ol>
  );
}
