import type { Queue } from '../api';
import type { InboxFilter } from './inboxState';

interface InboxFiltersProps {
  filter: InboxFilter;
  queues: Queue[];
  onChange: (filter: InboxFilter) => void;
}

const assigneeOptions: { value: InboxFilter['assignee']; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
];

export function InboxFilters({ filter, queues, onChange }: InboxFiltersProps) {
  return (
    <div className="inbox-filters">
      <select aria-label="Status" value={filter.status} data-testid="filter-status"
        onChange={(e) => onChange({ ...filter, status: e.target.value as InboxFilter['status'] })}>
        <option value="open">Open</option>
        <option value="pending">Pending</option>
        <option value="resolved">Resolved</option>
        <option value="all">Any status</option>
      </select>
      <select aria-label="Queue" value={filter.queueId} data-testid="filter-queue"
        onChange={(e) => onChange({ ...filter, queueId: e.target.value })}>
        <option value="all">All queues</option>
        {queues.map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
      </select>
      <div className="segmented" role="radiogroup" aria-label="Assignee">
        {assigneeOptions.map((option) => (
          <button key={option.value} type="button" role="radio" aria-checked={filter.assignee === option.value}
            data-testid={`filter-assignee-${option.value}`}
            onClick={() => onChange({ ...filter, assignee: option.value })}>
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
