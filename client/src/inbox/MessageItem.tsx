import type { Message } from '../api';
import { LinkifiedText } from '../ui/LinkifiedText';
import { formatTime } from '../ui/format';
import { MentionChangeMarkers } from './MentionChangeMarkers';
import { ReplyDelivery } from './ReplyDelivery';

interface MessageItemProps {
  message: Message;
  onRetryReply?: (replyId: string) => Promise<unknown>;
}

export function MessageItem({ message, onRetryReply }: MessageItemProps) {
  return (
    <li className={`message message-${message.kind}${message.deletedAt ? ' deleted-on-platform' : ''}`} data-testid="message" data-message-id={message.id}
      data-kind={message.kind}>
      <div className="message-meta">
        <strong>{message.author.name}</strong>
        {message.author.handle && <span className="muted">@{message.author.handle.replace(/^@/, '')}</span>}
        {message.kind === 'note' && <span className="chip note-chip">private note</span>}
        <span className="spacer" />
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {message.permalink && (
          <LinkOut href={message.permalink} />
        )}
      </div>
      <div className="message-text" data-testid="message-text"><LinkifiedText text={message.text} /></div>
      <MentionChangeMarkers message={message} />
      {message.kind === 'reply' && <ReplyDelivery reply={message} onRetry={onRetryReply} />}
    </li>
  );
}

function LinkOut({ href }: { href: string }) {
  const safe = /^https?:\/\//i.test(href);
  if (!safe) return null;
  return (
    <a className="permalink" href={href} target="_blank" rel="noopener noreferrer" title="Open on the network">
      view ↗
    </a>
  );
}
