import { orderStatuses } from '@btb/contracts';
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const ordersSchema = pgSchema('orders');

export const orders = ordersSchema.table(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /** Changed only by `changeStatus` (status.ts), which records history and an event. */
    status: text('status', { enum: orderStatuses }).notNull().default('pending_payment'),
    currency: text('currency').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    shippingCents: integer('shipping_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    refundedCents: integer('refunded_cents').notNull().default(0),
    shippingMethod: text('shipping_method').notNull(),
    /** The address as typed, or as the geocoder normalised it. */
    shippingAddress: jsonb('shipping_address').notNull(),
    /** { longitude, latitude } for the tracking map, when the address was located. */
    destination: jsonb('destination'),
    /** Where print file URLs point (PUBLIC_URL when the order was placed). */
    publicBaseUrl: text('public_base_url').notNull(),
    fulfillmentProvider: text('fulfillment_provider'),
    providerOrderId: text('provider_order_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** { carrier, trackingNumber, trackingUrl } once shipped. */
    tracking: jsonb('tracking'),
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('orders_status_created_idx').on(t.status, t.createdAt.desc(), t.id.desc()),
  ],
);

export const orderItems = ordersSchema.table(
  'order_items',
  {
    id: serial('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    designId: uuid('design_id').notNull(),
    /** Snapshot at order time: later edits of the design or catalogue do not change the order. */
    designSeed: integer('design_seed').notNull(),
    /** The stored tile the print files are rendered from (`designs/<id>/<seed>/tile.svg|png`). */
    artworkKey: text('artwork_key').notNull(),
    designTitle: text('design_title').notNull(),
    thumbnailUrl: text('thumbnail_url'),
    productId: text('product_id').notNull(),
    productName: text('product_name').notNull(),
    variantId: text('variant_id').notNull(),
    variantName: text('variant_name').notNull(),
    providerVariantId: integer('provider_variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    /** Absolute print file URLs by placement, set when the order is submitted. */
    printFiles: jsonb('print_files'),
    /** The buyer's choice: { placement: { x, y, width } } or { repeat: { scale, rotation } }, and effectiveDpi. */
    printOptions: jsonb('print_options'),
  },
  (t) => [index('order_items_order_idx').on(t.orderId, t.position)],
);

export const orderStatusHistory = ordersSchema.table(
  'order_status_history',
  {
    id: serial('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: orderStatuses }),
    toStatus: text('to_status', { enum: orderStatuses }).notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_status_history_order_idx').on(t.orderId, t.id)],
);

/** `Idempotency-Key` of POST /api/orders: per user, with a hash of the body it was first used with. */
export const idempotencyKeys = ordersSchema.table(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** Provider webhooks already applied (Printful has no event ids on every delivery: see parsePrintfulWebhook). */
export const fulfillmentEvents = ordersSchema.table('fulfillment_events', {
  eventKey: text('event_key').primaryKey(),
  orderId: uuid('order_id'),
  kind: text('kind'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().default(sql`now()`),
});
