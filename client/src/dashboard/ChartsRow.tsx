import { api, totalOutcomeCounts } from '../api';
import { ErrorNote, Loading } from '../ui/Feedback';
import { useResource } from '../ui/useResource';
import { OutcomesChart, SentimentShiftChart, VolumeByChannelChart } from './charts';
import { dailyRanges, rangeFor, type RangeName } from './reportRange';

export function ChartsRow({ range, refreshKey }: { range: RangeName; refreshKey: number }) {
  const byChannel = useResource(() => api.reports.outcomes(rangeFor(range, 'channel')), `channel-${range}-${refreshKey}`);
  const volume = useResource(
    () => Promise.all(dailyRanges(7, 'channel').map(async (d) => ({ label: d.label, rows: await api.reports.outcomes(d.range) }))),
    `volume-${refreshKey}`,
  );

  return (
    <div className="charts">
      <section className="panel chart" data-testid="chart-volume">
        <h3>Volume by channel <span className="muted">closed per day, last 7 days</span></h3>
        {volume.error ? <ErrorNote error={volume.error} onRetry={volume.reload} />
          : volume.data ? <VolumeByChannelChart days={volume.data} /> : <Loading />}
      </section>
      <section className="panel chart" data-testid="chart-outcomes">
        <h3>Outcomes</h3>
        {byChannel.error ? <ErrorNote error={byChannel.error} onRetry={byChannel.reload} />
          : byChannel.data ? <OutcomesChart totals={totalOutcomeCounts(byChannel.data)} /> : <Loading />}
      </section>
      <section className="panel chart" data-testid="chart-sentiment">
        <h3>Sentiment start vs end <span className="muted">by channel</span></h3>
        {byChannel.error ? <ErrorNote error={byChannel.error} />
          : byChannel.data ? <SentimentShiftChart rows={byChannel.data} /> : <Loading />}
      </section>
    </div>
  );
}
