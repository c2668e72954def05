import { useState } from 'react';
import { api, outcomeNames, type ReportGroupBy } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { formatDuration, formatPercent } from '../ui/format';
import { useResource } from '../ui/useResource';
import { rangeFor, type RangeName } from './reportRange';

const groupings: ReportGroupBy[] = ['channel', 'queue', 'agent', 'intent', 'day'];

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function OutcomeReport({ range, refreshKey }: { range: RangeName; refreshKey: number }) {
  const [groupBy, setGroupBy] = useState<ReportGroupBy>('channel');
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const report = useResource(() => api.reports.outcomes(rangeFor(range, groupBy)), `report-${range}-${groupBy}-${refreshKey}`);

  async function download() {
    setDownloading(true);
    setDownloadError(null);
    try {
      const blob = await api.reports.outcomesCsv(rangeFor(range, groupBy));
      saveBlob(blob, `caredesk-outcomes-${groupBy}-${range}-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (failure) {
      setDownloadError(failure);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <section className="panel dash-report">
      <div className="panel-head">
        <h3>Outcome report</h3>
        <span className="spacer" />
        <label className="inline">
          Group by
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as ReportGroupBy)} data-testid="report-group-by">
            {groupings.map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void download()} disabled={downloading} data-testid="report-csv">
          {downloading ? 'Preparing…' : 'Download CSV'}
        </button>
      </div>
      <ErrorNote error={downloadError} />
      {report.error ? <ErrorNote error={report.error} onRetry={report.reload} /> : !report.data ? <Loading /> : report.data.length === 0 ? (
        <Empty>No outcomes recorded in this period.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="report-table">
            <thead>
              <tr>
                <th>{groupBy}</th>
                <th className="num">Count</th>
                <th className="num">1st resp. median</th>
                <th className="num">1st resp. p90</th>
                <th className="num">Resolution median</th>
                <th className="num">SLA met</th>
                <th className="num">Sentiment start → end</th>
                <th className="num">Recovery</th>
                {outcomeNames.map((o) => <th key={o} className="num">{o.replace('_', ' ')}</th>)}
              </tr>
            </thead>
            <tbody>
              {report.data.map((row) => {
                const counts = row.outcomes;
                return (
                  <tr key={row.key} data-testid="report-row">
                    <td>{row.label}</td>
                    <td className="num">{row.count}</td>
                    <td className="num">{formatDuration(row.firstResponseSecondsMedian)}</td>
                    <td className="num">{formatDuration(row.firstResponseSecondsP90)}</td>
                    <td className="num">{formatDuration(row.resolutionSecondsMedian)}</td>
                    <td className="num">{formatPercent(row.slaMetRate)}</td>
                    <td className="num">{signed(row.sentimentStartAvg)} → {signed(row.sentimentEndAvg)}</td>
                    <td className="num">{formatPercent(row.sentimentRecoveryRate)}</td>
                    {outcomeNames.map((o) => <td key={o} className="num">{counts[o]}</td>)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function signed(value: number | null): string {
  return value === null || value === undefined ? '—' : (value > 0 ? '+' : '') + value.toFixed(2);
}
