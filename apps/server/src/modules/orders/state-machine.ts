import { type OrderStatus, orderStatuses } from '@btb/contracts';
import { invalidState } from '../../platform/errors.ts';

/**
 * The order lifecycle (ARCHITECTURE.md): pending_payment → paid → submitted → in_production →
 * shipped → delivered, with payment_failed, cancelled and fulfillment_failed as exits.
 *
 * - A failed payment may be retried (→ paid, or → payment_failed again).
 * - Cancelling is possible until production starts; a provider may still cancel later.
 * - A failed fulfillment goes back to paid when an admin retries it, or is cancelled (and refunded).
 */
export const allowedTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'payment_failed', 'cancelled'],
  payment_failed: ['paid', 'payment_failed', 'cancelled'],
  paid: ['submitted', 'cancelled', 'fulfillment_failed'],
  submitted: ['in_production', 'cancelled', 'fulfillment_failed'],
  in_production: ['shipped', 'cancelled', 'fulfillment_failed'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  fulfillment_failed: ['paid', 'cancelled'],
};

export const canTransition = (from: OrderStatus, to: OrderStatus) => allowedTransitions[from].includes(to);

/** The target status if the move is legal; a 422 invalid_state otherwise. */
export function transition(from: OrderStatus, to: OrderStatus): OrderStatus {
  if (!canTransition(from, to)) {
    throw invalidState(`An order cannot go from ${from.replaceAll('_', ' ')} to ${to.replaceAll('_', ' ')}`);
  }
  return to;
}

export const isOrderStatus = (value: string): value is OrderStatus =>
  (orderStatuses as readonly string[]).includes(value);

/** Statuses a customer may still cancel from (before production starts). */
export const cancellableByCustomer: readonly OrderStatus[] = [
  'pending_payment',
  'payment_failed',
  'paid',
  'submitted',
];

/** The fulfillment steps in order: a provider update may skip ahead, and the order walks every step. */
export const fulfillmentChain: readonly OrderStatus[] = [
  'submitted',
  'in_production',
  'shipped',
  'delivered',
];

/** Statuses in which money was taken (for revenue). */
export const paidStatuses: readonly OrderStatus[] = [
  'paid',
  'submitted',
  'in_production',
  'shipped',
  'delivered',
  'fulfillment_failed',
];
