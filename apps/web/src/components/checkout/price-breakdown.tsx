import type { Order } from '@btb/contracts';
import { formatMoney } from '../../lib/format.ts';

/** Subtotal, shipping, tax and total of an order, as checkout and the order page show them. */
export function PriceBreakdown({ order }: { order: Order }) {
  const rows = [
    ['Subtotal', order.subtotalCents],
    [`Shipping (${order.shippingMethod})`, order.shippingCents],
    ['Tax', order.taxCents],
  ] as const;
  return (
    <dl className="flex flex-col gap-2 text-sm" aria-label="Price breakdown">
      {rows.map(([label, cents]) => (
        <div key={label} className="flex justify-between">
          <dt className="text-ink-soft">{label}</dt>
          <dd className="tabular-nums">{formatMoney(cents, order.currency)}</dd>
        </div>
      ))}
      <div className="mt-1 flex justify-between border-t border-sand pt-3 text-base font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums" data-testid="order-total">
          {formatMoney(order.totalCents, order.currency)}
        </dd>
      </div>
    </dl>
  );
}
