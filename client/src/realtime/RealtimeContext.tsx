import {
  createContext, useContext, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode,
} from 'react';
import { api, createHubConnection, type HubEvent, type HubEventType } from '../api';
import { RealtimeClient, type ConnectionState } from './RealtimeClient';

const RealtimeContext = createContext<RealtimeClient | null>(null);

const createRealtimeClient = () =>
  new RealtimeClient({ connect: createHubConnection, fetchEventsAfter: api.events.after });

interface RealtimeProviderProps {
  children: ReactNode;
  /** Tests pass a client over a fake connection. */
  createClient?: () => RealtimeClient;
}

export function RealtimeProvider({ children, createClient = createRealtimeClient }: RealtimeProviderProps) {
  const [client, setClient] = useState<RealtimeClient | null>(null);
  useEffect(() => {
    const created = createClient();
    void created.start();
    setClient(created);
    return () => void created.stop();
  }, [createClient]);
  if (!client) return null;
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return client;
}

export function useConnectionState(): ConnectionState {
  const client = useRealtime();
  return useSyncExternalStore(
    (notify) => client.onStateChange(notify),
    () => client.connectionState,
  );
}

/** Calls the handler for every server event of the given types; the latest handler is always used. */
export function useHubEvents<K extends HubEventType>(
  types: K[],
  handler: (event: Extract<HubEvent, { type: K }>) => void,
): void {
  const client = useRealtime();
  const handlerRef = useRef(handler);
  useLayoutEffect(() => {
    handlerRef.current = handler;
  });
  const typesKey = types.join(',');
  useEffect(() => {
    const wanted = new Set<string>(typesKey.split(','));
    return client.onEvent((event: HubEvent) => {
      if (wanted.has(event.type)) handlerRef.current(event as never);
    });
  }, [client, typesKey]);
}

/** Calls the handler when views must reload from the server because missed events were not replayable. */
export function useResync(handler: () => void): void {
  const client = useRealtime();
  const handlerRef = useRef(handler);
  useLayoutEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => client.onResync(() => handlerRef.current()), [client]);
}
