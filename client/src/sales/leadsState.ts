import type { Lead, LeadStatus } from '../api';

export const pipeline: LeadStatus[] = ['new', 'contacted', 'qualified', 'won', 'lost'];

export const statusLabels: Record<LeadStatus, string> = {
  new: 'New', contacted: 'Contacted', qualified: 'Qualified', won: 'Won', lost: 'Lost',
};

/** A flagged buying signal that sales has neither accepted nor dismissed yet. */
export function isUnacceptedSignal(lead: Lead): boolean {
  return lead.status === 'flagged';
}

/** Merges leads by id; a copy the server sent later wins. */
export function mergeLeads(current: Lead[], incoming: Lead[]): Lead[] {
  const byId = new Map(current.map((lead) => [lead.id, lead]));
  for (const lead of incoming) {
    const existing = byId.get(lead.id);
    if (!existing || (lead.sequence ?? 0) >= (existing.sequence ?? 0)) byId.set(lead.id, lead);
  }
  return [...byId.values()].sort(
    (a, b) => new Date(b.mention.createdAt).getTime() - new Date(a.mention.createdAt).getTime(),
  );
}
