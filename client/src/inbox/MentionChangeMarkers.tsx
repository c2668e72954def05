import type { Message } from '../api';

/** What the customer changed on the network after agents first saw the mention. */
export function MentionChangeMarkers({ message }: { message: Message }) {
  if (!message.editedAt && !message.deletedAt) return null;
  return (
    <div className="mention-changes">
      {message.editedAt && <EditedMarker editedAt={message.editedAt} originalText={message.originalText ?? null} />}
      {message.deletedAt && (
        <span className="chip deleted-chip" data-testid="message-deleted"
          title={`Deleted by the customer ${new Date(message.deletedAt).toLocaleString()}`}>
          deleted on the platform
        </span>
      )}
    </div>
  );
}

function EditedMarker({ editedAt, originalText }: { editedAt: string; originalText: string | null }) {
  const when = `Edited by the customer ${new Date(editedAt).toLocaleString()}`;
  if (originalText === null) return <span className="chip" data-testid="message-edited" title={when}>edited</span>;
  return (
    <details className="edited-marker" data-testid="message-edited">
      <summary className="chip" title={`${when}. First seen as: ${originalText}`}>edited</summary>
      <div className="original-text"><span className="muted">First seen as:</span> {originalText}</div>
    </details>
  );
}
