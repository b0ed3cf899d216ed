import type { Order, OrderStatus } from '@btb/contracts';
import { Check, Circle, X } from 'lucide-react';
import { cn } from '../lib/cn.ts';
import { formatDate } from '../lib/format.ts';

export const statusLabels: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  submitted: 'Sent to the print studio',
  in_production: 'In production',
  shipped: 'Shipped',
  delivered: 'Delivered',
  payment_failed: 'Payment failed',
  cancelled: 'Cancelled',
  fulfillment_failed: 'Fulfilment failed',
};

export const statusTone = (s: OrderStatus) =>
  s === 'delivered' || s === 'shipped'
    ? 'success'
    : s === 'payment_failed' || s === 'fulfillment_failed' || s === 'cancelled'
      ? 'danger'
      : s === 'pending_payment'
        ? 'warning'
        : 'info';

const happyPath: OrderStatus[] = [
  'pending_payment',
  'paid',
  'submitted',
  'in_production',
  'shipped',
  'delivered',
];
const exits: OrderStatus[] = ['payment_failed', 'cancelled', 'fulfillment_failed'];

/** The order's recorded transitions, then the steps still ahead on the happy path. */
export function OrderTimeline({ history, status }: { history: Order['history']; status: OrderStatus }) {
  const reached = new Map<OrderStatus, Order['history'][number]>();
  for (const h of history) reached.set(h.to, h);
  const ended = exits.includes(status);
  const lastIndex = happyPath.indexOf(status);
  const past = history.map((h) => h.to);
  const ahead = ended ? [] : happyPath.filter((s, i) => i > lastIndex && !reached.has(s));

  return (
    <ol className="relative flex flex-col gap-0" aria-label="Order status history">
      {[
        ...past.map((s, i) => ({ s, entry: history[i] })),
        ...ahead.map((s) => ({ s, entry: undefined })),
      ].map(({ s, entry }, i, all) => {
        const isExit = exits.includes(s);
        const isCurrent = entry && i === past.length - 1;
        return (
          <li key={entry ? `${s}-${entry.at}` : `ahead-${s}`} className="relative flex gap-3 pb-5 last:pb-0">
            {i < all.length - 1 && (
              <span
                aria-hidden
                className={cn(
                  'absolute top-6 left-3 h-[calc(100%-1.5rem)] w-px',
                  entry ? 'bg-ink/30' : 'bg-sand',
                )}
              />
            )}
            <span
              aria-hidden
              className={cn(
                'z-10 flex h-6 w-6 shrink-0 items-center justify-center rounded-full border',
                !entry && 'border-sand bg-paper text-sand',
                entry && !isExit && 'border-ink bg-ink text-paper',
                entry && isExit && 'border-danger bg-danger text-white dark:text-paper',
                isCurrent && !isExit && 'border-accent bg-accent',
              )}
            >
              {entry ? (
                isExit ? (
                  <X className="h-3.5 w-3.5" />
                ) : (
                  <Check className="h-3.5 w-3.5" />
                )
              ) : (
                <Circle className="h-2 w-2" />
              )}
            </span>
            <div className="flex min-w-0 flex-col">
              <span className={cn('text-sm font-medium', !entry && 'text-ink-soft')}>
                {statusLabels[s] ?? s}
                {isCurrent && <span className="sr-only"> (current)</span>}
              </span>
              {entry && (
                <span className="text-xs text-ink-soft">
                  <time dateTime={entry.at}>{formatDate(entry.at)}</time>
                  {entry.reason ? ` · ${entry.reason}` : ''}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
