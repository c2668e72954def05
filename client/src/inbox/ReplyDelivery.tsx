import type { Message } from '../api';
import { ErrorNote } from '../ui/Feedback';
import { useAction } from '../ui/useAction';

const deliveryLabel = { queued: 'Queued', sent: 'Sent', failed: 'Failed' } as const;

interface ReplyDeliveryProps {
  reply: Message;
  /** Absent when this agent may not work the conversation (another agent holds it). */
  onRetry?: (replyId: string) => Promise<unknown>;
}

/** A reply's delivery status, with "Send again" once it has failed. */
export function ReplyDelivery({ reply, onRetry }: ReplyDeliveryProps) {
  const retry = useAction();
  if (!reply.deliveryStatus) return null;
  const canRetry = reply.deliveryStatus === 'failed' && onRetry !== undefined;
  return (
    <div className={`delivery delivery-${reply.deliveryStatus}`} data-testid="reply-status" data-status={reply.deliveryStatus}>
      {deliveryLabel[reply.deliveryStatus]}
      {reply.deliveryError && <span className="delivery-error">: {reply.deliveryError}</span>}
      {canRetry && (
        <button type="button" className="link" disabled={retry.busy} data-testid="reply-retry"
          onClick={() => void retry.run(() => onRetry(reply.id))}>
          {retry.busy ? 'Sending…' : 'Send again'}
        </button>
      )}
      <ErrorNote error={retry.error} />
    </div>
  );
}
