import { api } from '../api';
import { ErrorNote } from '../ui/Feedback';
import { formatDuration, formatPercent } from '../ui/format';
import { useResource } from '../ui/useResource';
import { rangeFor } from './reportRange';

export function KpiTiles({ refreshKey }: { refreshKey: number }) {
  const report = useResource(() => api.reports.outcomes(rangeFor('today', 'all')), `kpi-${refreshKey}`);
  // One row for the whole day; none when nothing was resolved yet.
  const totals = report.data ? report.data[0] ?? null : null;
  const tiles = [
    { id: 'first-response-median', label: 'First response · median', value: formatDuration(totals?.firstResponseSecondsMedian) },
    { id: 'first-response-p90', label: 'First response · p90', value: formatDuration(totals?.firstResponseSecondsP90) },
    { id: 'resolution-median', label: 'Resolution · median', value: formatDuration(totals?.resolutionSecondsMedian) },
    { id: 'sla-met', label: 'SLA met', value: formatPercent(totals?.slaMetRate) },
    { id: 'sentiment-recovery', label: 'Sentiment recovery', value: formatPercent(totals?.sentimentRecoveryRate) },
    { id: 'resolved-count', label: 'Conversations closed', value: report.data ? String(totals?.count ?? 0) : '—' },
  ];
  return (
    <section className="kpis" aria-label="Today">
      {tiles.map((tile) => (
        <div key={tile.id} className="kpi" data-testid={`kpi-${tile.id}`}>
          <div className="kpi-value">{report.loading && !report.data ? '…' : tile.value}</div>
          <div className="kpi-label">{tile.label} <span className="muted">today</span></div>
        </div>
      ))}
      {report.error ? <ErrorNote error={report.error} onRetry={report.reload} /> : null}
    </section>
  );
}
