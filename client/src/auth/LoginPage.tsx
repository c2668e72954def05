import { useState, type FormEvent } from 'react';
import { useAuth } from './AuthContext';
import { ErrorNote } from '../ui/Feedback';
import { ApiError } from '../api';

export function LoginPage() {
  const { signIn, signedOutReason } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401
        ? new Error('Email or password is not right.')
        : failure);
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-label="Sign in">
        <h1 className="brand-large">CareDesk</h1>
        <p className="muted">Social customer care, measured.</p>
        {signedOutReason && <p className="notice" data-testid="signed-out-reason">{signedOutReason}</p>}
        <label>
          Email
          <input type="email" autoComplete="username" required autoFocus value={email}
            onChange={(e) => setEmail(e.target.value)} data-testid="login-email" />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
