import type { Order } from '@btb/contracts';
import { Truck } from 'lucide-react';
import { trackingLink } from '../../lib/tracking.ts';
import { OrderTimeline } from '../order-timeline.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';

/** Where the order is on its way: its history, what went wrong if anything, and the parcel once shipped. */
export function OrderProgress({ order }: { order: Order }) {
  const parcelUrl = order.tracking ? trackingLink(order.tracking) : null;
  return (
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
  );
}
