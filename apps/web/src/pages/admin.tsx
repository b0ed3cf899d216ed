import {
  type AdminStats,
  type Design,
  type Order,
  type OrderStatus,
  orderStatuses,
  type User,
} from '@btb/contracts';
import { Eye, EyeOff, RotateCw, Search } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/index.ts';
import { BarChart, LineChart } from '../components/charts.tsx';
import { DesignThumb } from '../components/design-card.tsx';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { statusLabels, statusTone } from '../components/order-timeline.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { Input, Select } from '../components/ui/input.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { type ConfirmOptions, useConfirm } from '../components/ui/confirm.tsx';
import { toast } from '../components/ui/toast.tsx';
import { cn } from '../lib/cn.ts';
import { formatDate, formatMoney } from '../lib/format.ts';
import { useDebouncedValue } from '../lib/use-debounce.ts';
import { useTitle } from '../lib/use-title.ts';
import { useAuth } from '../stores/auth.ts';

const tabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'users', label: 'Users' },
  { id: 'designs', label: 'Designs' },
  { id: 'orders', label: 'Orders' },
] as const;
type Tab = (typeof tabs)[number]['id'];

export function AdminPage() {
  useTitle('Admin');
  const [params, setParams] = useSearchParams();
  const tab = (tabs.find((t) => t.id === params.get('tab'))?.id ?? 'overview') as Tab;
  const tabList = useRef<HTMLDivElement>(null);

  // WAI-ARIA tabs: arrows, Home and End move between tabs and open the one they reach.
  function onTabKey(e: React.KeyboardEvent) {
    const i = tabs.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setParams({ tab: tabs[next]!.id }, { replace: true });
    tabList.current?.querySelector<HTMLElement>(`#tab-${tabs[next]!.id}`)?.focus();
  }

  return (
    <div>
      <PageHeader title="Operations" subtitle="Users, designs, orders and the health of the platform." />
      <div
        ref={tabList}
        role="tablist"
        aria-label="Admin sections"
        onKeyDown={onTabKey}
        className="mb-6 flex gap-1 overflow-x-auto rounded-full bg-linen p-1 sm:inline-flex"
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setParams({ tab: t.id }, { replace: true })}
            className={cn(
              'rounded-full px-4 py-2 text-sm font-medium whitespace-nowrap transition-colors',
              tab === t.id ? 'bg-white text-ink shadow-sm dark:bg-sand' : 'text-ink-soft hover:text-ink',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'overview' && <Overview />}
        {tab === 'users' && <UsersPanel />}
        {tab === 'designs' && <DesignsPanel />}
        {tab === 'orders' && <OrdersPanel />}
      </div>
    </div>
  );
}

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

function Overview() {
  const [stats, setStats] = useState<AdminStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api.admin.stats().then(setStats, setError);
  }, []);
  useEffect(load, [load]);
  if (error) return <ErrorNote error={error} retry={load} />;
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

function SearchBox({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
}) {
  return (
    <div className="relative max-w-sm flex-1">
      <Search
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-3.5 h-4 w-4 -translate-y-1/2 text-ink-soft"
      />
      <Input
        type="search"
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="pl-10"
      />
    </div>
  );
}

function TableShell({ children, label }: { children: React.ReactNode; label: string }) {
  // A region that scrolls sideways on a phone must be reachable, and scrollable, by keyboard.
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to scroll by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-2xl border border-sand bg-white/70 dark:bg-white/5"
    >
      <table className="w-full min-w-[40rem] text-left text-sm">{children}</table>
    </section>
  );
}

const th = 'px-4 py-3 text-xs font-medium text-ink-soft';
const td = 'px-4 py-3 align-middle';

/** A paged admin list that reloads whenever `filterKey` changes. */
function usePaged<T>(
  fetcher: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
  filterKey: string,
) {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fetchRef = useRef(fetcher);
  fetchRef.current = fetcher;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey is what changes the fetcher
  const load = useCallback(() => {
    setError(null);
    setItems(null);
    fetchRef.current().then((p) => {
      setItems(p.items);
      setCursor(p.nextCursor);
    }, setError);
  }, [filterKey]);
  useEffect(load, [load]);
  const more = async () => {
    if (!cursor) return;
    const p = await fetchRef.current(cursor);
    setItems((x) => [...(x ?? []), ...p.items]);
    setCursor(p.nextCursor);
  };
  return { items, setItems, cursor, error, load, more };
}

/**
 * An admin list: error with retry, loading skeleton, empty state, the table and "Load more".
 * A column named '' is an actions column, labelled for screen readers only.
 */
function PagedTable<T extends { id: string }>({
  paged,
  empty,
  label,
  columns,
  renderRow,
}: {
  label: string;
  paged: Pick<ReturnType<typeof usePaged<T>>, 'items' | 'cursor' | 'error' | 'load' | 'more'>;
  empty: string;
  columns: string[];
  renderRow: (item: T) => React.ReactNode;
}) {
  const { items, cursor, error, load, more } = paged;
  return (
    <>
      {error ? <ErrorNote error={error} retry={load} /> : null}
      {!items && !error ? (
        <Skeleton className="h-64" />
      ) : items?.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        items && (
          <TableShell label={label}>
            <thead>
              <tr className="border-b border-sand">
                {columns.map((c) => (
                  <th key={c || 'actions'} className={th}>
                    {c || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{items.map(renderRow)}</tbody>
          </TableShell>
        )
      )}
      {cursor && (
        <Button variant="outline" className="self-center" onClick={more}>
          Load more
        </Button>
      )}
    </>
  );
}

function UsersPanel() {
  const [q, setQ] = useState('');
  const dq = useDebouncedValue(q, 300);
  const me = useAuth((s) => s.user);
  const paged = usePaged<User>((c) => api.admin.users(dq || undefined, c), dq);
  const { confirm, dialog } = useConfirm();

  async function update(u: User, body: { role?: 'user' | 'admin'; status?: 'active' | 'suspended' }) {
    const question = userChangeQuestion(u, body);
    if (question && !(await confirm(question))) return;
    try {
      const next = await api.admin.updateUser(u.id, body);
      paged.setItems((xs) => xs?.map((x) => (x.id === u.id ? { ...x, ...next } : x)) ?? null);
      toast.success(`${u.name} updated`);
    } catch (err) {
      toast.error((err as Error).message);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {dialog}
      <SearchBox value={q} onChange={setQ} label="Search users by name or email" />
      <PagedTable
        paged={paged}
        empty="No users match"
        label="Users"
        columns={['User', 'Joined', 'Role', 'Status', '']}
        renderRow={(u) => (
          <tr key={u.id} className="border-b border-sand/60 last:border-0">
            <td className={td}>
              <p className="font-medium">{u.name}</p>
              <p className="text-xs text-ink-soft">{u.email}</p>
            </td>
            <td className={cn(td, 'text-ink-soft')}>{formatDate(u.createdAt)}</td>
            <td className={td}>
              <Select
                aria-label={`Role of ${u.name}`}
                value={u.role}
                disabled={u.id === me?.id}
                onChange={(e) => update(u, { role: e.target.value as 'user' | 'admin' })}
                className="h-9 w-28"
              >
                <option value="user">User</option>
                <option value="admin">Admin</option>
              </Select>
            </td>
            <td className={td}>
              <Badge tone={u.status === 'active' ? 'success' : 'danger'}>{u.status}</Badge>
            </td>
            <td className={cn(td, 'text-right')}>
              <Button
                size="sm"
                variant={u.status === 'active' ? 'outline' : 'secondary'}
                disabled={u.id === me?.id}
                onClick={() => update(u, { status: u.status === 'active' ? 'suspended' : 'active' })}
              >
                {u.status === 'active' ? 'Suspend' : 'Reinstate'}
              </Button>
            </td>
          </tr>
        )}
      />
    </div>
  );
}

/** What to ask before a change to an account that takes something away; null when nothing is. */
export function userChangeQuestion(
  u: User,
  body: { role?: 'user' | 'admin'; status?: 'active' | 'suspended' },
): ConfirmOptions | null {
  if (body.status === 'suspended')
    return {
      title: `Suspend ${u.name}?`,
      description: `${u.email} is signed out everywhere and cannot sign in, design or order until reinstated. Their public designs stay in the gallery.`,
      confirmLabel: 'Suspend',
      danger: true,
    };
  if (body.role === 'admin')
    return {
      title: `Make ${u.name} an admin?`,
      description: 'Admins can suspend accounts, hide designs and see every order.',
      confirmLabel: 'Make admin',
    };
  if (body.role === 'user' && u.role === 'admin')
    return {
      title: `Remove ${u.name}'s admin role?`,
      description: 'They lose access to operations at their next sign-in.',
      confirmLabel: 'Remove admin role',
      danger: true,
    };
  return null;
}

function DesignsPanel() {
  const [q, setQ] = useState('');
  const dq = useDebouncedValue(q, 300);
  const paged = usePaged<Design>((c) => api.admin.designs(dq || undefined, c), dq);
  const { confirm, dialog } = useConfirm();

  async function toggle(d: Design) {
    const hidden = !d.hidden;
    if (
      hidden &&
      !(await confirm({
        title: `Hide "${d.title}"?`,
        description: 'It leaves the gallery, search and its public link for everyone but its owner.',
        confirmLabel: 'Hide design',
        danger: true,
      }))
    )
      return;
    paged.setItems((xs) => xs?.map((x) => (x.id === d.id ? { ...x, hidden } : x)) ?? null);
    try {
      await api.admin.updateDesign(d.id, { hidden });
      toast.success(hidden ? `"${d.title}" hidden from the gallery` : `"${d.title}" visible again`);
    } catch (err) {
      paged.setItems((xs) => xs?.map((x) => (x.id === d.id ? { ...x, hidden: d.hidden } : x)) ?? null);
      toast.error((err as Error).message);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {dialog}
      <SearchBox value={q} onChange={setQ} label="Search designs" />
      <PagedTable
        paged={paged}
        empty="No designs match"
        label="Designs"
        columns={['Design', 'Author', 'Status', 'Likes', 'Visibility']}
        renderRow={(d) => (
          <tr key={d.id} className="border-b border-sand/60 last:border-0" data-design-id={d.id}>
            <td className={td}>
              <div className="flex items-center gap-3">
                <DesignThumb design={d} className="h-10 w-10 shrink-0 rounded-lg object-cover" />
                <Link to={`/designs/${d.id}`} className="font-medium hover:underline">
                  {d.title}
                </Link>
              </div>
            </td>
            <td className={cn(td, 'text-ink-soft')}>{d.author?.name}</td>
            <td className={td}>
              <Badge tone={d.status === 'ready' ? 'success' : d.status === 'failed' ? 'danger' : 'warning'}>
                {d.status}
              </Badge>
              {!d.isPublic && <Badge className="ml-1">private</Badge>}
            </td>
            <td className={cn(td, 'tabular-nums')}>{d.likes}</td>
            <td className={td}>
              <Button
                size="sm"
                variant={d.hidden ? 'secondary' : 'outline'}
                onClick={() => toggle(d)}
                aria-pressed={d.hidden}
              >
                {d.hidden ? (
                  <EyeOff aria-hidden className="h-3.5 w-3.5" />
                ) : (
                  <Eye aria-hidden className="h-3.5 w-3.5" />
                )}
                {d.hidden ? 'Hidden — show' : 'Hide'}
              </Button>
            </td>
          </tr>
        )}
      />
    </div>
  );
}

function OrdersPanel() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const paged = usePaged<Order>((c) => api.admin.orders(status, c), status);
  const [retrying, setRetrying] = useState<string | null>(null);

  async function retry(o: Order) {
    setRetrying(o.id);
    try {
      const next = await api.admin.retryFulfillment(o.id);
      paged.setItems((xs) => xs?.map((x) => (x.id === o.id ? next : x)) ?? null);
      toast.success('Fulfilment resubmitted');
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setRetrying(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-2">
        <label htmlFor="order-status" className="text-sm font-medium">
          Status
        </label>
        <Select
          id="order-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as OrderStatus | '')}
          className="w-56"
        >
          <option value="">All statuses</option>
          {orderStatuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </Select>
      </div>
      <PagedTable
        paged={paged}
        empty="No orders with this status"
        label="Orders"
        columns={['Order', 'Items', 'Total', 'Status', '']}
        renderRow={(o) => (
          <tr key={o.id} className="border-b border-sand/60 last:border-0">
            <td className={td}>
              <p className="font-mono text-xs">{o.id.slice(0, 8).toUpperCase()}</p>
              <p className="text-xs text-ink-soft">{formatDate(o.createdAt)}</p>
            </td>
            <td className={td}>
              {o.items.map((i) => `${i.designTitle} · ${i.productName} ×${i.quantity}`).join(', ')}
            </td>
            <td className={cn(td, 'tabular-nums')}>{formatMoney(o.totalCents, o.currency)}</td>
            <td className={td}>
              <Badge tone={statusTone(o.status)}>{statusLabels[o.status]}</Badge>
              {o.failureReason && <p className="mt-1 max-w-xs text-xs text-danger">{o.failureReason}</p>}
            </td>
            <td className={cn(td, 'text-right')}>
              {o.status === 'fulfillment_failed' && (
                <Button size="sm" variant="outline" loading={retrying === o.id} onClick={() => retry(o)}>
                  <RotateCw aria-hidden className="h-3.5 w-3.5" /> Retry
                </Button>
              )}
            </td>
          </tr>
        )}
      />
    </div>
  );
}
