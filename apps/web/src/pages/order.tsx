import type { Order, OrderStatus, PublicConfig } from '@btb/contracts';
import { Truck } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { OrderTimeline, statusLabels, statusTone } from '../components/order-timeline.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { Dialog } from '../components/ui/dialog.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { toast } from '../components/ui/toast.tsx';
import { formatDate, formatMoney } from '../lib/format.ts';
import { trackingLink } from '../lib/tracking.ts';
import { useTitle } from '../lib/use-title.ts';
import { PriceBreakdown } from '../components/checkout/price-breakdown.tsx';
import { DestinationMap } from '../components/orders/destination-map.tsx';

const terminal: OrderStatus[] = ['delivered', 'cancelled', 'payment_failed', 'fulfillment_failed'];

const cancellable: OrderStatus[] = ['pending_payment', 'paid', 'submitted'];

export function OrderPage() {
  const { id = '' } = useParams();
  const [order, setOrder] = useState<Order | null>(null);
  const [config, setConfig] = useState<PublicConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  useTitle(order ? `Order ${order.id.slice(0, 8)}` : 'Order');

  const load = useCallback(async () => {
    try {
      setOrder(await api.orders.get(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    void load();
    api
      .config()
      .then(setConfig, () =>
        setConfig({ mapboxToken: null, paymentProvider: 'test', stripePublishableKey: null }),
      );
  }, [load]);

  // Follow the order while it moves.
  const status = order?.status;
  useEffect(() => {
    if (!status || terminal.includes(status)) return;
    const t = setInterval(() => void load(), 2500);
    return () => clearInterval(t);
  }, [status, load]);

  async function cancel() {
    setCancelling(true);
    try {
      setOrder(await api.orders.cancel(id));
      toast.success('Order cancelled');
      setConfirmCancel(false);
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setCancelling(false);
    }
  }

  if (error instanceof ApiError && error.notFound) return <EmptyState page title="Order not found" />;
  if (error && !order) return <ErrorNote error={error} retry={load} />;
  if (!order) {
    return (
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" aria-busy="true">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    );
  }

  const parcelUrl = order.tracking ? trackingLink(order.tracking) : null;

  return (
    <div>
      <PageHeader
        title={`Order ${order.id.slice(0, 8).toUpperCase()}`}
        subtitle={
          <>
            Placed <time dateTime={order.createdAt}>{formatDate(order.createdAt)}</time>
          </>
        }
        actions={
          <>
            <Badge tone={statusTone(order.status)} className="px-3 py-1 text-sm" data-testid="order-status">
              {statusLabels[order.status]}
            </Badge>
            {order.status === 'pending_payment' || order.status === 'payment_failed' ? (
              <ButtonLink to={`/orders/${order.id}/checkout`} size="sm" variant="outline">
                Pay again
              </ButtonLink>
            ) : null}
            {cancellable.includes(order.status) && (
              <Button
                size="sm"
                variant="ghost"
                className="text-danger"
                onClick={() => setConfirmCancel(true)}
              >
                Cancel order
              </Button>
            )}
          </>
        }
      />
      <p className="sr-only" aria-live="polite">
        Order status: {statusLabels[order.status]}
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Progress</CardTitle>
            </CardHeader>
            <CardContent>
              {order.failureReason && (
                <p
                  role="alert"
                  className="mb-4 rounded-xl bg-red-50 dark:bg-red-950/40 px-3 py-2 text-sm text-danger"
                >
                  {order.failureReason}
                </p>
              )}
              <OrderTimeline history={order.history} status={order.status} />
            </CardContent>
          </Card>
          {order.tracking && (
            <Card>
              <CardContent className="flex items-center gap-4">
                <Truck aria-hidden className="h-8 w-8 shrink-0 text-accent" />
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-ink-soft">{order.tracking.carrier}</p>
                  <p className="font-mono font-medium break-all" data-testid="tracking-number">
                    {order.tracking.trackingNumber}
                  </p>
                </div>
                {parcelUrl && (
                  <a
                    href={parcelUrl}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="shrink-0 text-sm font-medium text-accent underline"
                  >
                    Track parcel
                  </a>
                )}
              </CardContent>
            </Card>
          )}
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Items</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <ul className="flex flex-col gap-3">
                {order.items.map((i) => (
                  <li key={`${i.designId}-${i.variantId}`} className="flex gap-3">
                    {i.thumbnailUrl ? (
                      <img src={i.thumbnailUrl} alt="" className="h-14 w-14 rounded-xl object-cover" />
                    ) : (
                      <div className="h-14 w-14 rounded-xl bg-linen" />
                    )}
                    <div className="min-w-0 flex-1 text-sm">
                      <Link to={`/designs/${i.designId}`} className="font-medium hover:underline">
                        {i.designTitle}
                      </Link>
                      <p className="text-ink-soft">
                        {i.productName} · {i.variantName} × {i.quantity}
                      </p>
                      {i.placement && (
                        <p className="text-xs text-ink-soft" data-testid="item-placement">
                          Print {Math.round(i.placement.width)} px wide at {Math.round(i.placement.x)},{' '}
                          {Math.round(i.placement.y)} px in the print area
                        </p>
                      )}
                      {i.repeat && (
                        <p className="text-xs text-ink-soft" data-testid="item-repeat">
                          Pattern at {i.repeat.scale}%, turned {i.repeat.rotation}°
                        </p>
                      )}
                    </div>
                    <span className="text-sm tabular-nums">
                      {formatMoney(i.unitPriceCents * i.quantity, order.currency)}
                    </span>
                  </li>
                ))}
              </ul>
              <PriceBreakdown order={order} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Delivering to</CardTitle>
            </CardHeader>
            <CardContent>
              {config ? (
                <DestinationMap order={order} mapboxToken={config.mapboxToken} />
              ) : (
                <Skeleton className="h-24" />
              )}
            </CardContent>
          </Card>
        </div>
      </div>
      <Dialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title="Cancel this order?"
        description="If you've paid, the full amount is refunded to your card."
      >
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setConfirmCancel(false)}>
            Keep order
          </Button>
          <Button variant="danger" onClick={cancel} loading={cancelling}>
            Cancel order
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
