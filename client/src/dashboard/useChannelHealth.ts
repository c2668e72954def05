import { useEffect } from 'react';
import { api } from '../api';
import { useResource } from '../ui/useResource';

const refreshEveryMs = 60_000;

/** Channel health, reloaded every minute and whenever `refreshKey` changes. */
export function useChannelHealth(refreshKey: number) {
  const health = useResource(() => api.channels.health(), `channel-health-${refreshKey}`);
  const { reload } = health;
  useEffect(() => {
    const timer = setInterval(reload, refreshEveryMs);
    return () => clearInterval(timer);
  }, [reload]);
  return health;
}
