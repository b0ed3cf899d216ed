import type { OrderStatus } from '@btb/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/index.ts';
import { useConfig, useOrder } from '../api/queries.ts';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { statusLabels, statusTone } from '../components/order-timeline.tsx';
import { CancelOrderDialog } from '../components/orders/cancel-order-dialog.tsx';
import { DestinationMap } from '../components/orders/destination-map.tsx';
import { OrderItemsCard } from '../components/orders/order-items-card.tsx';
import { OrderProgress } from '../components/orders/order-progress.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { formatDate } from '../lib/format.ts';
import { useTitle } from '../lib/use-title.ts';

const cancellable: OrderStatus[] = ['pending_payment', 'paid', 'submitted'];

export function OrderPage() {
  const { id = '' } = useParams();
  // Followed while it moves (see useOrder).
  const { data: order, error, refetch } = useOrder(id);
  const { data: config } = useConfig();
  const [confirmCancel, setConfirmCancel] = useState(false);
  useTitle(order ? `Order ${order.id.slice(0, 8)}` : 'Order');

  if (error instanceof ApiError && error.notFound) return <EmptyState page title="Order not found" />;
  if (error && !order) return <ErrorNote error={error} retry={() => void refetch()} />;
  if (!order) {
    return (
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" aria-busy="true">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    );
  }

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
        <OrderProgress order={order} />
        <div className="flex flex-col gap-6">
          <OrderItemsCard order={order} />
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
      <CancelOrderDialog orderId={order.id} open={confirmCancel} onClose={() => setConfirmCancel(false)} />
    </div>
  );
}
