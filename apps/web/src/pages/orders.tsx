import { ChevronRight, Package } from 'lucide-react';
import { Link } from 'react-router';
import { pagedItems, useOrders } from '../api/queries.ts';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { statusLabels, statusTone } from '../components/order-timeline.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { formatDate, formatMoney } from '../lib/format.ts';
import { useTitle } from '../lib/use-title.ts';

export function OrdersPage() {
  useTitle('Orders');
  const list = useOrders();
  const orders = list.data ? pagedItems(list.data) : null;
  const error = list.error;
  const load = () => void list.refetch();

  return (
    <div>
      <PageHeader title="Your orders" subtitle="Every print, from the studio to your door." />
      {error ? <ErrorNote error={error} retry={load} /> : null}
      {!orders && !error ? (
        <div className="flex flex-col gap-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </div>
      ) : orders && orders.length === 0 ? (
        <EmptyState icon={<Package className="h-8 w-8" />} title="No orders yet">
          Find a print you love in the{' '}
          <Link to="/" className="text-accent underline">
            gallery
          </Link>{' '}
          or make your own in the{' '}
          <Link to="/studio" className="text-accent underline">
            studio
          </Link>
          .
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {orders?.map((o) => (
            <li key={o.id}>
              <Link
                to={`/orders/${o.id}`}
                className="flex items-center gap-4 rounded-2xl border border-sand/80 bg-white/70 dark:bg-white/5 p-3 shadow-sm transition-shadow hover:shadow-md sm:p-4"
              >
                {o.items[0]?.thumbnailUrl ? (
                  <img
                    src={o.items[0].thumbnailUrl}
                    alt=""
                    className="h-14 w-14 shrink-0 rounded-xl object-cover"
                  />
                ) : (
                  <div className="flex h-14 w-14 shrink-0 items-center justify-center rounded-xl bg-linen">
                    <Package aria-hidden className="h-5 w-5 text-ink-soft" />
                  </div>
                )}
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {o.items.map((i) => `${i.designTitle} · ${i.productName}`).join(', ')}
                  </p>
                  <p className="text-xs text-ink-soft">
                    <time dateTime={o.createdAt}>{formatDate(o.createdAt)}</time> ·{' '}
                    {formatMoney(o.totalCents, o.currency)}
                  </p>
                </div>
                <Badge tone={statusTone(o.status)} className="hidden sm:inline-flex">
                  {statusLabels[o.status]}
                </Badge>
                <ChevronRight aria-hidden className="h-4 w-4 shrink-0 text-ink-soft" />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="outline"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
