import type { ReportGroupBy, ReportRange } from '../api';

export type RangeName = 'today' | '7d' | '30d';

export const rangeLabels: Record<RangeName, string> = { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days' };

function startOfLocalDay(date: Date): Date {
  const start = new Date(date);
  start.setHours(0, 0, 0, 0);
  return start;
}

export function rangeFor(name: RangeName, groupBy: ReportGroupBy, now = new Date()): ReportRange {
  const days = name === 'today' ? 0 : name === '7d' ? 6 : 29;
  const from = startOfLocalDay(now);
  from.setDate(from.getDate() - days);
  return { from: from.toISOString(), to: now.toISOString(), groupBy };
}

/** One range per local day, oldest first, for charts that need a time axis and another grouping. */
export function dailyRanges(days: number, groupBy: ReportGroupBy, now = new Date()): { label: string; range: ReportRange }[] {
  const today = startOfLocalDay(now);
  return Array.from({ length: days }, (_, i) => {
    const from = new Date(today);
    from.setDate(from.getDate() - (days - 1 - i));
    const to = new Date(from);
    to.setDate(to.getDate() + 1);
    return {
      label: from.toLocaleDateString([], { weekday: 'short', day: 'numeric' }),
      range: { from: from.toISOString(), to: (to < now ? to : now).toISOString(), groupBy },
    };
  });
}
