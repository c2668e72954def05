import { lazy, Suspense, useEffect } from 'react';
import type { Role, Session } from './api';
import { AdminPage } from './admin/AdminPage';
import { AuthProvider, hasRole, useAuth, useSession } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { InboxPage } from './inbox/InboxPage';
import { SalesPage } from './sales/SalesPage';
import { ConnectionIndicator } from './realtime/ConnectionIndicator';
import { RealtimeProvider } from './realtime/RealtimeContext';
import { Loading } from './ui/Feedback';
import { navigate, usePath } from './ui/router';

// The dashboard carries the chart library; agents never need to download it.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

interface Section {
  path: string;
  label: string;
  roles: Role[];
}

const sections: Section[] = [
  { path: '/inbox', label: 'Inbox', roles: ['Agent', 'Supervisor'] },
  { path: '/dashboard', label: 'Dashboard', roles: ['Supervisor'] },
  { path: '/sales', label: 'Sales', roles: ['Sales'] },
  { path: '/admin', label: 'Admin', roles: ['Admin', 'Supervisor'] },
];

/** Supervisors reach only the routing, queue and canned-response tabs, which are settings to them. */
function sectionLabel(section: Section, session: Session): string {
  return section.path === '/admin' && !hasRole(session, 'Admin') ? 'Settings' : section.label;
}

function allowedSections(session: Session): Section[] {
  return sections.filter((s) => hasRole(session, ...s.roles));
}

export function App() {
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}

function Gate() {
  const { session } = useAuth();
  if (!session) return <LoginPage />;
  return (
    <RealtimeProvider key={session.user.id}>
      <Shell />
    </RealtimeProvider>
  );
}

function Shell() {
  const session = useSession();
  const { signOut } = useAuth();
  const path = usePath();
  const allowed = allowedSections(session);
  const current = allowed.find((s) => path === s.path || path.startsWith(`${s.path}/`));

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">CareDesk</span>
        <nav aria-label="Sections">
          {allowed.map((s) => (
            <a key={s.path} href={s.path} className={s === current ? 'active' : ''} data-testid={`nav-${s.path.slice(1)}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(s.path);
              }}>
              {sectionLabel(s, session)}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        <ConnectionIndicator />
        <span className="user" data-testid="current-user" title={session.user.email}>
          {session.user.name} <span className="muted">{session.user.roles.join(', ')}</span>
        </span>
        <button type="button" className="link" onClick={() => signOut()} data-testid="sign-out">Sign out</button>
      </header>
      <main className="content">
        <Suspense fallback={<Loading />}>
          <Route path={path} current={current} fallback={allowed[0]} />
        </Suspense>
      </main>
    </div>
  );
}

function Route({ path, current, fallback }: { path: string; current: Section | undefined; fallback: Section | undefined }) {
  if (!current) {
    if (fallback) return <Redirect to={fallback.path} />;
    return <div className="state state-empty">Your account has no role that CareDesk knows. Ask an admin to give you one.</div>;
  }
  const rest = decodePathPart(path.slice(current.path.length + 1));
  switch (current.path) {
    case '/inbox':
      return <InboxPage selectedId={rest || null} />;
    case '/dashboard':
      return <DashboardPage />;
    case '/sales':
      return <SalesPage />;
    case '/admin':
      return <AdminPage />;
    default:
      return null;
  }
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
