import type { LoginResponse, User } from './types';

const storageKey = 'caredesk.session';

export interface Session {
  token: string;
  user: User;
  expiresAt: number;
}

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(storageKey);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(login: LoginResponse): Session {
  const session: Session = {
    token: login.accessToken,
    user: login.user,
    expiresAt: Date.now() + login.expiresIn * 1000,
  };
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(storageKey);
}

export function currentToken(): string | null {
  return loadSession()?.token ?? null;
}
