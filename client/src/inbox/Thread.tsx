import { useEffect, useRef } from 'react';
import type { Message } from '../api';
import { MessageItem } from './MessageItem';

export function Thread({ messages }: { messages: Message[] }) {
  const endRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);

  return (
    <ol className="thread" data-testid="thread">
      {messages.map((message) => <MessageItem key={message.id} message={message} />)}
      <li ref={endRef} aria-hidden className="thread-end" />
    </ol>
  );
}
