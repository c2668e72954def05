import { formatDuration } from '../ui/format';
import { useNow } from '../ui/useNow';
import { replyWindowState } from './replyWindow';

/** How long the network still accepts replies; nothing when the channel sets no limit. */
export function ReplyWindowChip({ closesAt }: { closesAt: string | null }) {
  return closesAt ? <ReplyWindowCountdown closesAt={closesAt} /> : null;
}

function ReplyWindowCountdown({ closesAt }: { closesAt: string }) {
  const now = useNow();
  const state = replyWindowState(closesAt, now);
  const remainingSeconds = (new Date(closesAt).getTime() - now) / 1000;
  return (
    <span className={`chip reply-window reply-window-${state}`} data-testid="reply-window" data-state={state}
      title={`The network accepts replies until ${new Date(closesAt).toLocaleString()}`}>
      {state === 'closed' ? 'Reply window closed' : `Reply window ${formatDuration(remainingSeconds)}`}
    </span>
  );
}
