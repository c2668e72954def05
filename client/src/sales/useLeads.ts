import { useCallback } from 'react';
import { api, type Lead } from '../api';
import { useHubEvents, useResync } from '../realtime/RealtimeContext';
import { useResource } from '../ui/useResource';
import { mergeLeads } from './leadsState';

/** All leads and signals, kept live by BuyingSignalFlagged. */
export function useLeads() {
  const leads = useResource(() => api.leads.list().then((list) => mergeLeads([], list)), 'leads');
  const { setData, reload } = leads;
  useHubEvents(['BuyingSignalFlagged'], (event) => setData((current) => mergeLeads(current ?? [], [event.payload])));
  useResync(reload);

  const replace = useCallback((lead: Lead) => setData((current) =>
    (current ?? []).map((l) => (l.id === lead.id ? lead : l))), [setData]);
  return { ...leads, replace };
}
