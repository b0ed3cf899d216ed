import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/layout.tsx';
import { cn } from '../lib/cn.ts';
import { useTitle } from '../lib/use-title.ts';
import { Overview } from '../components/admin/overview.tsx';
import { UsersPanel } from '../components/admin/users-panel.tsx';
import { DesignsPanel } from '../components/admin/designs-panel.tsx';
import { OrdersPanel } from '../components/admin/orders-panel.tsx';

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
    const target = tabs[next];
    if (!target) return;
    e.preventDefault();
    setParams({ tab: target.id }, { replace: true });
    tabList.current?.querySelector<HTMLElement>(`#tab-${target.id}`)?.focus();
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
