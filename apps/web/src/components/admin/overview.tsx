/** The admin overview: totals, generation timing, error rate and the last fortnight by day. */
import { useAdminStats } from '../../api/queries.ts';
import { BarChart, LineChart } from '../charts.tsx';
import { ErrorNote } from '../layout.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { formatMoney } from '../../lib/format.ts';

/** The last `days` UTC days, oldest first, with the series' values and zeros for missing days. */
export function lastDays<T extends { day: string }>(series: T[], pick: (row: T) => number, days = 14) {
  const byDay = new Map(series.map((r) => [r.day.slice(0, 10), pick(r)]));
  const today = new Date();
  const out: Array<{ label: string; value: number }> = [];
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
    const key = d.toISOString().slice(0, 10);
    out.push({ label: key, value: byDay.get(key) ?? 0 });
  }
  return out;
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card>
      <CardContent className="p-4">
        <p className="text-xs font-medium tracking-wide text-ink-soft uppercase">{label}</p>
        <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
        {hint && <p className="text-xs text-ink-soft">{hint}</p>}
      </CardContent>
    </Card>
  );
}

export function Overview() {
  const { data: stats, error, refetch } = useAdminStats();
  if (error && !stats) return <ErrorNote error={error} retry={() => void refetch()} />;
  if (!stats) {
    return (
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" aria-busy="true">
        {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
          <Skeleton key={i} className={i < 4 ? 'h-24' : 'col-span-2 h-64'} />
        ))}
      </div>
    );
  }
  const g = stats.generation;
  const total = g.completed + g.failed;
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Users" value={stats.totals.users.toLocaleString()} />
        <Stat label="Designs" value={stats.totals.designs.toLocaleString()} />
        <Stat label="Orders" value={stats.totals.orders.toLocaleString()} />
        <Stat label="Revenue" value={formatMoney(stats.totals.revenueCents)} />
        <Stat label="Generation p50" value={`${(g.p50Ms / 1000).toFixed(1)} s`} />
        <Stat label="Generation p99" value={`${(g.p99Ms / 1000).toFixed(1)} s`} />
        <Stat
          label="Generation failures"
          value={total ? `${((g.failed / total) * 100).toFixed(1)}%` : '—'}
          hint={`${g.failed} of ${total}`}
        />
        <Stat
          label="API error rate"
          value={`${(stats.errorRate * 100).toFixed(2)}%`}
          hint="5xx share of requests"
        />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Designs per day</CardTitle>
          </CardHeader>
          <CardContent>
            <BarChart label="Designs per day" data={lastDays(stats.designsPerDay, (d) => d.count)} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Orders per day</CardTitle>
          </CardHeader>
          <CardContent>
            <BarChart
              label="Orders per day"
              color="var(--color-sage)"
              data={lastDays(stats.ordersPerDay, (d) => d.count)}
            />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Revenue per day</CardTitle>
          </CardHeader>
          <CardContent>
            <LineChart
              label="Revenue per day"
              format={(c) => formatMoney(c)}
              data={lastDays(stats.ordersPerDay, (d) => d.revenueCents)}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
