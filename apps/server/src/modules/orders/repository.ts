import type { Order, OrderStatus } from '@btb/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { timeCursor } from '../../platform/http/cursor.ts';
import { publicFileUrl } from '../../platform/storage/file-storage.ts';
import type { OrderRow } from './status.ts';
import type { StoredPrintOptions } from './artwork/print-options.ts';
import { orderItems, orderStatusHistory, orders } from './tables.ts';

export type OrderItemRow = typeof orderItems.$inferSelect;

/** Newest first, keyset-paginated on (created_at, id); the cursor keeps PostgreSQL's full precision. */
export async function listOrderRows(
  db: Executor,
  filter: { userId?: string; status?: OrderStatus; cursor?: string; limit: number },
) {
  const cursor = filter.cursor ? timeCursor.decode(filter.cursor) : undefined;
  const rows = await db
    .select({ order: orders, at: sql<string>`${orders.createdAt}::text` })
    .from(orders)
    .where(
      and(
        filter.userId ? eq(orders.userId, filter.userId) : undefined,
        filter.status ? eq(orders.status, filter.status) : undefined,
        cursor
          ? sql`(${orders.createdAt}, ${orders.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => r.order),
    nextCursor:
      rows.length > filter.limit && last ? timeCursor.encode({ at: last.at, id: last.order.id }) : null,
  };
}

/** Orders in the contract's shape, with their items and history (three queries for any number of orders). */
export async function presentOrders(db: Executor, rows: OrderRow[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, history] = await Promise.all([
    db
      .select()
      .from(orderItems)
      .where(inArray(orderItems.orderId, ids))
      .orderBy(asc(orderItems.orderId), asc(orderItems.position)),
    db
      .select()
      .from(orderStatusHistory)
      .where(inArray(orderStatusHistory.orderId, ids))
      .orderBy(asc(orderStatusHistory.id)),
  ]);
  return rows.map((o) => ({
    id: o.id,
    userId: o.userId,
    status: o.status,
    items: items
      .filter((i) => i.orderId === o.id)
      .map((i) => {
        const files = (i.printFiles ?? null) as Record<string, string> | null;
        const options = (i.printOptions ?? {}) as StoredPrintOptions;
        return {
          designId: i.designId,
          designTitle: i.designTitle,
          thumbnailUrl: i.thumbnailUrl,
          productId: i.productId,
          productName: i.productName,
          variantId: i.variantId,
          variantName: i.variantName,
          quantity: i.quantity,
          unitPriceCents: i.unitPriceCents,
          printFileUrl: files ? (Object.values(files)[0] ?? null) : null,
          ...(options.placement ? { placement: options.placement } : {}),
          ...(options.repeat ? { repeat: options.repeat } : {}),
          ...(options.effectiveDpi === undefined ? {} : { effectiveDpi: options.effectiveDpi }),
        };
      }),
    currency: o.currency,
    subtotalCents: o.subtotalCents,
    shippingCents: o.shippingCents,
    taxCents: o.taxCents,
    totalCents: o.totalCents,
    refundedCents: o.refundedCents,
    shippingMethod: o.shippingMethod as Order['shippingMethod'],
    shippingAddress: o.shippingAddress as Order['shippingAddress'],
    destination: (o.destination ?? null) as Order['destination'],
    tracking: (o.tracking ?? null) as Order['tracking'],
    failureReason: o.failureReason,
    history: history
      .filter((h) => h.orderId === o.id)
      .map((h) => ({
        from: h.fromStatus ?? null,
        to: h.toStatus,
        at: h.at.toISOString(),
        reason: h.reason,
      })),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  }));
}

/** Absolute URL of a stored file for a provider that fetches it over the internet. */
export const absoluteFileUrl = (baseUrl: string, key: string) =>
  `${baseUrl.replace(/\/+$/, '')}${publicFileUrl(key)}`;

/** Printful's external_id allows 32 characters: the order UUID without dashes. */
export const externalIdOf = (orderId: string) => orderId.replaceAll('-', '');

export function orderIdOfExternal(externalId: string): string | null {
  if (!/^[0-9a-f]{32}$/i.test(externalId)) return null;
  const h = externalId.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
