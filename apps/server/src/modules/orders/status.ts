import type { OrderStatus } from '@btb/contracts';
import { eq } from 'drizzle-orm';
import { appendEvent } from '../../platform/bus/outbox.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { transition } from './state-machine.ts';
import { orderStatusHistory, orders } from './tables.ts';

export type OrderRow = typeof orders.$inferSelect;
type OrderPatch = Partial<
  Pick<
    typeof orders.$inferInsert,
    'tracking' | 'failureReason' | 'providerOrderId' | 'submittedAt' | 'fulfillmentProvider'
  >
>;

export interface StatusChange {
  orderId: string;
  to: OrderStatus;
  /** Why, in words a customer or an operator can read; stored in the history. */
  reason: string;
  /** Columns that change together with the status (tracking when shipped, the reason of a failure...). */
  patch?: OrderPatch;
}

/** Work that must happen in the same transaction as entering a status (e.g. scheduling submission after payment). */
export type OnEnterStatus = Partial<Record<OrderStatus, (tx: Executor, order: OrderRow) => Promise<void>>>;

/** Reads and locks an order for a status change (or anything that must not race one). */
export async function lockOrder(tx: Executor, orderId: string): Promise<OrderRow> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!row) throw notFound('Order');
  return row;
}

/**
 * THE way an order's status changes: checks the state machine (422 on an illegal move), updates
 * the order, writes the history row (time, reason) and the `order_status_changed` event (plus
 * `order_paid` on payment), all in the caller's transaction, then runs the status's entry work.
 */
export async function changeStatus(
  tx: Executor,
  change: StatusChange,
  onEnter: OnEnterStatus = {},
): Promise<{ order: OrderRow; from: OrderStatus }> {
  const current = await lockOrder(tx, change.orderId);
  const from = current.status;
  const to = transition(from, change.to);
  const [order] = await tx
    .update(orders)
    .set({ ...change.patch, status: to, updatedAt: new Date() })
    .where(eq(orders.id, change.orderId))
    .returning();
  await tx.insert(orderStatusHistory).values({
    orderId: change.orderId,
    fromStatus: from,
    toStatus: to,
    reason: change.reason,
  });
  await appendEvent(tx, {
    eventType: 'order_status_changed',
    userId: order!.userId,
    orderId: order!.id,
    metadata: {
      from,
      to,
      reason: change.reason,
      totalCents: order!.totalCents,
      currency: order!.currency,
      ...(to === 'shipped' && order!.tracking ? { tracking: order!.tracking } : {}),
    },
  });
  if (to === 'paid' && from !== 'fulfillment_failed') {
    await appendEvent(tx, {
      eventType: 'order_paid',
      userId: order!.userId,
      orderId: order!.id,
      metadata: { totalCents: order!.totalCents, currency: order!.currency },
    });
  }
  await onEnter[to]?.(tx, order!);
  return { order: order!, from };
}

/**
 * A line in the history that is not a move (a refund of a cancelled order): `from` and `to` are
 * both the current status, and no event is written (the module that did it wrote its own).
 */
export async function recordNote(tx: Executor, order: OrderRow, reason: string): Promise<void> {
  await tx.insert(orderStatusHistory).values({
    orderId: order.id,
    fromStatus: order.status,
    toStatus: order.status,
    reason,
  });
}
