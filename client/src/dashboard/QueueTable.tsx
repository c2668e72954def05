import { ErrorNote, Empty, Loading } from '../ui/Feedback';
import { formatDuration } from '../ui/format';
import { useQueueMetrics } from './useQueueMetrics';

export function QueueTable() {
  const { data, error, loading, reload } = useQueueMetrics();
  return (
    <section className="panel dash-queues">
      <h3>Queues <span className="muted">live</span></h3>
      {error && !data ? <ErrorNote error={error} onRetry={reload} /> : loading && !data ? <Loading /> : !data?.length ? (
        <Empty>No queues yet.</Empty>
      ) : (
        <table className="data" data-testid="queue-table">
          <thead>
            <tr>
              <th>Queue</th>
              <th className="num">Waiting</th>
              <th className="num">Oldest wait</th>
              <th className="num">SLA at risk</th>
              <th className="num">SLA breached</th>
              <th className="num">Agents online</th>
              <th className="num">Assigned open</th>
            </tr>
          </thead>
          <tbody>
            {data.map((q) => (
              <tr key={q.queueId} data-testid="queue-row" data-queue-id={q.queueId}>
                <td>{q.name}</td>
                <td className="num" data-testid="queue-waiting">{q.waiting}</td>
                <td className="num">{q.waiting > 0 ? formatDuration(q.oldestWaitSeconds) : '—'}</td>
                <td className={`num${q.slaAtRisk > 0 ? ' warn' : ''}`}>{q.slaAtRisk}</td>
                <td className={`num${q.slaBreached > 0 ? ' bad' : ''}`}>{q.slaBreached}</td>
                <td className="num">{q.agentsOnline}</td>
                <td className="num">{q.assignedOpen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
