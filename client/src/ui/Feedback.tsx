import type { ReactNode } from 'react';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return <div className="state state-loading" role="status" data-testid="loading">{label}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty" data-testid="empty">{children}</div>;
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" role="alert" data-testid="error">
      <span className="error-text">{message}</span>
      {onRetry && <button type="button" className="link" onClick={onRetry}>Try again</button>}
    </div>
  );
}
