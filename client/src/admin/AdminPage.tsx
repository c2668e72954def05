import { useState } from 'react';
import { hasRole, useSession } from '../auth/AuthContext';
import { CannedResponsesTab } from './CannedResponsesTab';
import { ChannelsTab } from './ChannelsTab';
import { QueuesTab } from './QueuesTab';
import { RoutingRulesTab } from './RoutingRulesTab';
import { UsersTab } from './UsersTab';

type TabName = 'channels' | 'rules' | 'queues' | 'canned' | 'users';

const tabs: { name: TabName; label: string; adminOnly: boolean }[] = [
  { name: 'channels', label: 'Channels', adminOnly: true },
  { name: 'rules', label: 'Routing rules', adminOnly: false },
  { name: 'queues', label: 'Queues & SLA', adminOnly: false },
  { name: 'canned', label: 'Canned responses', adminOnly: false },
  { name: 'users', label: 'Users & roles', adminOnly: true },
];

export function AdminPage() {
  const session = useSession();
  const isAdmin = hasRole(session, 'Admin');
  const visible = tabs.filter((t) => isAdmin || !t.adminOnly);
  const [tab, setTab] = useState<TabName>(visible[0].name);

  return (
    <div className="admin" data-testid="admin">
      <nav className="admin-tabs" role="tablist">
        {visible.map((t) => (
          <button key={t.name} type="button" role="tab" aria-selected={tab === t.name} data-testid={`admin-tab-${t.name}`}
            onClick={() => setTab(t.name)}>
            {t.label}
          </button>
        ))}
      </nav>
      <div className="admin-body">
        {tab === 'channels' && <ChannelsTab />}
        {tab === 'rules' && <RoutingRulesTab canSeeChannels={isAdmin} />}
        {tab === 'queues' && <QueuesTab />}
        {tab === 'canned' && <CannedResponsesTab />}
        {tab === 'users' && <UsersTab myId={session.user.id} />}
      </div>
    </div>
  );
}
