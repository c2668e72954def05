import {
  Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { OutcomeCountTotals, OutcomeRow } from '../api';
import { Empty } from '../ui/Feedback';

const palette = ['#2458d6', '#0f9d8a', '#e08a00', '#6d35c2', '#c4312b', '#5b6b86', '#1185fe', '#8a5a00'];
const axis = { fontSize: 11, fill: '#667085' };

export interface DailyChannelRows {
  label: string;
  rows: OutcomeRow[];
}

export function VolumeByChannelChart({ days }: { days: DailyChannelRows[] }) {
  const channels = [...new Set(days.flatMap((d) => d.rows.map((r) => r.label)))];
  const data = days.map((d) => ({
    day: d.label,
    ...Object.fromEntries(d.rows.map((r) => [r.label, r.count])),
  }));
  if (channels.length === 0) return <Empty>No closed conversations in the last 7 days.</Empty>;
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={axis} />
        <YAxis allowDecimals={false} tick={axis} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {channels.map((channel, i) => (
          <Bar key={channel} dataKey={channel} stackId="volume" fill={palette[i % palette.length]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

const outcomeLabels: Record<string, string> = {
  resolved: 'Resolved', answered: 'Answered', escalated: 'Escalated', sales: 'Sales', no_action: 'No action', spam: 'Spam',
};

export function OutcomesChart({ totals }: { totals: OutcomeCountTotals }) {
  const data = Object.entries(totals.outcomes).map(([outcome, count]) => ({ outcome: outcomeLabels[outcome], count }));
  if (totals.count === 0) return <Empty>No outcomes recorded in this period.</Empty>;
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 12 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={axis} />
        <YAxis type="category" dataKey="outcome" tick={axis} width={70} />
        <Tooltip />
        <Bar dataKey="count" name="Conversations" fill="#2458d6" />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function SentimentShiftChart({ rows }: { rows: OutcomeRow[] }) {
  const data = rows
    .filter((r) => r.sentimentStartAvg !== null || r.sentimentEndAvg !== null)
    .map((r) => ({ channel: r.label, start: r.sentimentStartAvg, end: r.sentimentEndAvg }));
  if (data.length === 0) return <Empty>No sentiment recorded in this period.</Empty>;
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="channel" tick={axis} />
        <YAxis domain={[-1, 1]} tick={axis} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(2) : String(value))} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="start" name="At first message" fill="#e08a00" />
        <Bar dataKey="end" name="At last message" fill="#0f9d8a" />
      </BarChart>
    </ResponsiveContainer>
  );
}
