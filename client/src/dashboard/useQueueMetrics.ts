import { api } from '../api';
import { useHubEvents, useResync } from '../realtime/RealtimeContext';
import { useResource } from '../ui/useResource';

/** Queue metrics: loaded once, then replaced wholesale by each QueueMetricsChanged. */
export function useQueueMetrics() {
  const metrics = useResource(() => api.metrics.queues(), 'queue-metrics');
  const { setData, reload } = metrics;
  useHubEvents(['QueueMetricsChanged'], (event) => setData(() => event.payload.queues));
  useResync(reload);
  return metrics;
}
