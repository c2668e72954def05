import { useState } from 'react';
import { api, type CannedResponse, type Queue, type User } from '../api';
import { hasRole, useSession } from '../auth/AuthContext';
import { Empty } from '../ui/Feedback';
import { navigate } from '../ui/router';
import { useResource } from '../ui/useResource';
import { ConversationPane } from './ConversationPane';
import { InboxFilters } from './InboxFilters';
import { InboxList } from './InboxList';
import { defaultFilter, visibleConversations, type InboxFilter } from './inboxState';
import { useInbox } from './useInbox';
import { useShortcut } from './useShortcut';

const noQueues: Queue[] = [];
const noResponses: CannedResponse[] = [];

export function InboxPage({ selectedId }: { selectedId: string | null }) {
  const session = useSession();
  const myId = session.user.id;
  const isSupervisor = hasRole(session, 'Supervisor', 'Admin');
  const [filter, setFilter] = useState<InboxFilter>(defaultFilter);
  const inbox = useInbox(filter);
  const queues = useResource(() => api.queues.list(), 'queues');
  const canned = useResource(() => api.cannedResponses.list(), 'canned');
  const agents = useResource<User[] | null>(
    () => (isSupervisor ? api.users.list().then(eligibleAssignees) : Promise.resolve(null)),
    `agents-${isSupervisor}`,
  );

  const conversations = visibleConversations(inbox.state, filter, myId);
  const open = (id: string) => navigate(`/inbox/${encodeURIComponent(id)}`);
  const move = (step: number) => {
    if (conversations.length === 0) return;
    const index = conversations.findIndex((c) => c.id === selectedId);
    const next = index === -1 ? 0 : Math.min(conversations.length - 1, Math.max(0, index + step));
    open(conversations[next].id);
  };
  useShortcut('j', () => move(1));
  useShortcut('k', () => move(-1));

  return (
    <div className="inbox">
      <section className="inbox-column" aria-label="Inbox">
        <InboxFilters filter={filter} queues={queues.data ?? noQueues} onChange={setFilter} />
        <div className="inbox-count muted" data-testid="inbox-count">
          {conversations.length} conversation{conversations.length === 1 ? '' : 's'} · j/k to move
        </div>
        <InboxList
          conversations={conversations}
          arrivedLive={inbox.state.arrivedLive}
          selectedId={selectedId}
          myId={myId}
          loading={inbox.loading}
          error={inbox.error}
          hasMore={inbox.hasMore}
          onRetry={inbox.reload}
          onLoadMore={inbox.loadMore}
          onSelect={open}
        />
      </section>
      {selectedId ? (
        <ConversationPane
          key={selectedId}
          conversationId={selectedId}
          summary={inbox.state.byId[selectedId]}
          myId={myId}
          cannedResponses={canned.data ?? noResponses}
          agents={agents.data ?? null}
          onOpen={open}
        />
      ) : (
        <div className="conversation-placeholder">
          <Empty>
            Select a conversation. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>c</kbd> claim, <kbd>r</kbd> reply,{' '}
            <kbd>e</kbd> resolve.
          </Empty>
        </div>
      )}
    </div>
  );
}

function eligibleAssignees(users: User[]): User[] {
  return users.filter((u) => u.roles.includes('Agent') || u.roles.includes('Supervisor'));
}
