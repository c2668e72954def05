import { useState } from 'react';
import { api, type User } from '../api';
import { useResource } from '../ui/useResource';
import { ChannelHealthPanel } from './ChannelHealthPanel';
import { ChartsRow } from './ChartsRow';
import { KpiTiles } from './KpiTiles';
import { OutcomeReport } from './OutcomeReport';
import { QueueTable } from './QueueTable';
import { rangeLabels, type RangeName } from './reportRange';
import { SlaAlerts } from './SlaAlerts';

const noAgents: User[] = [];

export function DashboardPage() {
  const [range, setRange] = useState<RangeName>('7d');
  const [refreshKey, setRefreshKey] = useState(0);
  const agents = useResource(
    () => api.users.list().then((users) => users.filter((u) => u.roles.includes('Agent') || u.roles.includes('Supervisor'))),
    'dashboard-agents',
  );

  return (
    <div className="dashboard" data-testid="dashboard">
      <KpiTiles refreshKey={refreshKey} />
      <div className="dash-live">
        <QueueTable />
        <SlaAlerts agents={agents.data ?? noAgents} />
      </div>
      <ChannelHealthPanel refreshKey={refreshKey} />
      <div className="dash-toolbar">
        <h2>Outcomes</h2>
        <div className="segmented" role="radiogroup" aria-label="Period">
          {(Object.keys(rangeLabels) as RangeName[]).map((name) => (
            <button key={name} type="button" role="radio" aria-checked={range === name}
              data-testid={`range-${name}`} onClick={() => setRange(name)}>
              {rangeLabels[name]}
            </button>
          ))}
        </div>
        <button type="button" className="link" onClick={() => setRefreshKey((n) => n + 1)} data-testid="dashboard-refresh">
          Refresh reports and channels
        </button>
      </div>
      <ChartsRow range={range} refreshKey={refreshKey} />
      <OutcomeReport range={range} refreshKey={refreshKey} />
    </div>
  );
}
