import { index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const paymentsSchema = pgSchema('payments');

/** One row per attempt to pay an order; its idempotency key makes the gateway charge at most once. */
export const payments = paymentsSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    userId: uuid('user_id').notNull(),
    attempt: integer('attempt').notNull(),
    /** `order:<orderId>:attempt:<n>` */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    paymentMethod: text('payment_method').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    status: text('status', {
      enum: ['processing', 'interrupted', 'requires_action', 'succeeded', 'failed', 'refunded'],
    })
      .notNull()
      .default('processing'),
    paymentIntentId: text('payment_intent_id'),
    failureMessage: text('failure_message'),
    refundedCents: integer('refunded_cents').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_order_attempt_idx').on(t.orderId, t.attempt),
    index('payments_intent_idx').on(t.paymentIntentId),
  ],
);

export const refunds = paymentsSchema.table('refunds', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** A payment is refunded (in full) at most once. */
  paymentId: uuid('payment_id').notNull().unique(),
  orderId: uuid('order_id').notNull(),
  gatewayRefundId: text('gateway_refund_id').notNull(),
  amountCents: integer('amount_cents').notNull(),
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Gateway webhooks already handled, by the gateway's event id: a replay changes nothing. */
export const gatewayEvents = paymentsSchema.table('gateway_events', {
  eventId: text('event_id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
