import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, clearSession, loadSession, onUnauthorized, saveSession, type Role, type Session } from '../api';

interface AuthValue {
  session: Session | null;
  signedOutReason: string | null;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: (reason?: string) => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  const signOut = useCallback((reason?: string) => {
    clearSession();
    setSession(null);
    setSignedOutReason(reason ?? null);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const login = await api.auth.login(email, password);
    setSignedOutReason(null);
    setSession(saveSession(login));
  }, []);

  useEffect(() => onUnauthorized(() => signOut('Your session has ended. Please sign in again.')), [signOut]);

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => signOut('Your session has ended. Please sign in again.'),
      Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(() => ({ session, signedOutReason, signIn, signOut }), [session, signedOutReason, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in session; only for components rendered behind the sign-in gate. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession needs a signed-in user');
  return session;
}

export function hasRole(session: Session, ...roles: Role[]): boolean {
  return roles.some((role) => session.user.roles.includes(role));
}
