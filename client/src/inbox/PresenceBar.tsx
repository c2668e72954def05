import type { PresenceChanged } from '../api';

export function PresenceBar({ presence, myId }: { presence: PresenceChanged | null; myId: string }) {
  const viewers = presence?.viewers.filter((v) => v.userId !== myId) ?? [];
  const typing = presence?.typing.filter((v) => v.userId !== myId) ?? [];
  return (
    <div className="presence" data-testid="presence" data-viewers={viewers.length} data-typing={typing.length}
      aria-live="polite">
      {viewers.length === 0 && typing.length === 0 ? (
        <span className="muted">Only you are here</span>
      ) : (
        <>
          {viewers.length > 0 && (
            <span className="presence-viewers" data-testid="presence-viewers">
              <span className="dot" /> {viewers.map((v) => v.name).join(', ')} {viewers.length === 1 ? 'is' : 'are'} viewing
            </span>
          )}
          {typing.length > 0 && (
            <span className="presence-typing" data-testid="presence-typing">
              {typing.map((v) => v.name).join(', ')} {typing.length === 1 ? 'is' : 'are'} typing…
            </span>
          )}
        </>
      )}
    </div>
  );
}
