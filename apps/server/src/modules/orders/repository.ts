import type { Order, OrderStatus } from '@btb/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { outboxRowOf } from '../../platform/bus/outbox.ts';
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
  return rows.map((o) =>
    toOrder(
      o,
      items.filter((i) => i.orderId === o.id),
      history.filter((h) => h.orderId === o.id),
    ),
  );
}

type OrderFields = Omit<OrderRow, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
type ItemFields = Pick<
  OrderItemRow,
  | 'designId'
  | 'designTitle'
  | 'thumbnailUrl'
  | 'productId'
  | 'productName'
  | 'variantId'
  | 'variantName'
  | 'quantity'
  | 'unitPriceCents'
  | 'printFiles'
  | 'printOptions'
>;
type HistoryFields = Pick<
  typeof orderStatusHistory.$inferSelect,
  'fromStatus' | 'toStatus' | 'at' | 'reason'
>;

/** One order in the contract's shape, from its row, its items in order and its history in order. */
export function toOrder(o: OrderFields, items: ItemFields[], history: HistoryFields[]): Order {
  return {
    id: o.id,
    userId: o.userId,
    status: o.status,
    items: items.map((i) => {
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
    history: history.map((h) => ({
      from: h.fromStatus ?? null,
      to: h.toStatus,
      at: h.at.toISOString(),
      reason: h.reason,
    })),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export type NewOrderRow = Pick<
  OrderRow,
  | 'id'
  | 'userId'
  | 'currency'
  | 'subtotalCents'
  | 'shippingCents'
  | 'taxCents'
  | 'totalCents'
  | 'shippingMethod'
  | 'shippingAddress'
  | 'destination'
  | 'publicBaseUrl'
>;
export type NewOrderItem = Omit<OrderItemRow, 'id' | 'orderId' | 'printFiles'>;

export const CREATION_REASON = 'Order placed';

/**
 * A new order in one statement (so one round trip, atomic without a transaction): the
 * idempotency key when there is one, the order, its items, the first history row and the
 * `order_created` outbox row. With a key taken before (or by a concurrent request that commits
 * first) nothing is written and null is returned: the caller answers with that key's order.
 */
export async function insertOrder(
  db: Executor,
  order: NewOrderRow,
  items: NewOrderItem[],
  event: ReturnType<typeof outboxRowOf>,
  idempotency?: { key: string; requestHash: string },
): Promise<{ createdAt: Date } | null> {
  const keyed = idempotency
    ? sql`k as (
        insert into orders.idempotency_keys (user_id, key, request_hash, order_id)
        values (${order.userId}, ${idempotency.key}, ${idempotency.requestHash}, ${order.id})
        on conflict do nothing returning order_id
      ),`
    : sql``;
  const result = await db.execute<{ created_at: string }>(sql`
    with ${keyed} o as (
      insert into orders.orders (id, user_id, currency, subtotal_cents, shipping_cents, tax_cents,
        total_cents, shipping_method, shipping_address, destination, public_base_url)
      select ${order.id}::uuid, ${order.userId}::uuid, ${order.currency}, ${order.subtotalCents}::int,
        ${order.shippingCents}::int, ${order.taxCents}::int, ${order.totalCents}::int, ${order.shippingMethod},
        ${JSON.stringify(order.shippingAddress)}::jsonb, ${order.destination == null ? null : JSON.stringify(order.destination)}::jsonb,
        ${order.publicBaseUrl}
      ${idempotency ? sql`where exists (select 1 from k)` : sql``}
      returning id, status, created_at
    ), i as (
      insert into orders.order_items (order_id, position, design_id, design_seed, artwork_key,
        design_title, thumbnail_url, product_id, product_name, variant_id, variant_name,
        provider_variant_id, quantity, unit_price_cents, print_options)
      select o.id, x.position, x."designId", x."designSeed", x."artworkKey", x."designTitle",
        x."thumbnailUrl", x."productId", x."productName", x."variantId", x."variantName",
        x."providerVariantId", x.quantity, x."unitPriceCents", x."printOptions"
      from o, jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x(position int, "designId" uuid,
        "designSeed" int, "artworkKey" text, "designTitle" text, "thumbnailUrl" text, "productId" text,
        "productName" text, "variantId" text, "variantName" text, "providerVariantId" int, quantity int,
        "unitPriceCents" int, "printOptions" jsonb)
    ), h as (
      insert into orders.order_status_history (order_id, from_status, to_status, reason)
      select o.id, null, o.status, ${CREATION_REASON} from o
    ), e as (
      insert into platform.outbox (event_id, event_type, aggregate_id, envelope, traceparent)
      select ${event.eventId}::uuid, ${event.eventType}, ${event.aggregateId}, ${JSON.stringify(event.envelope)}::jsonb,
        ${event.traceparent}
      from o
    )
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at from o`);
  const row = result.rows[0];
  return row ? { createdAt: new Date(row.created_at) } : null;
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
