import type { PaymentResult } from '@btb/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { appendEvent } from '../../platform/bus/outbox.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, conflict, invalidState } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import type { OrdersService } from '../orders/index.ts';
import type { ChargeResult, GatewayEvent, PaymentGateway } from './providers/payment-gateway.ts';
import { WebhookSignatureError } from './providers/stripe-webhook-events.ts';
import { gatewayEvents, payments, refunds } from './tables.ts';

export const REFUND_QUEUE = 'payment-refund';
/** A `processing` attempt older than this is taken to have died mid-charge and is resumed (same key). */
const STALE_ATTEMPT_MS = 60_000;

type PaymentRow = typeof payments.$inferSelect;

export type PayOutcome = PaymentResult;

export interface PaymentsDeps {
  db: Db;
  gateway: PaymentGateway;
  orders: OrdersService;
  jobs: JobQueue;
  logger: Logger;
  poke: () => void;
}

/**
 * Charges orders through the PaymentGateway and never twice: each attempt has its own
 * idempotency key, at most one attempt per order runs at a time (the order row is locked while
 * the attempt is claimed), and a paid order is not payable. Webhooks reconcile asynchronous
 * outcomes (3-D Secure, refunds) idempotently by event id. Cancelled paid orders are refunded.
 */
export class PaymentsService {
  constructor(private readonly deps: PaymentsDeps) {}

  async pay(actor: Actor, orderId: string, paymentMethod: string): Promise<PayOutcome> {
    const attempt = await this.claimAttempt(actor, orderId, paymentMethod);
    let result: ChargeResult;
    try {
      result = await this.deps.gateway.charge({
        orderId,
        amountCents: attempt.amountCents,
        currency: attempt.currency,
        paymentMethod: attempt.paymentMethod,
        idempotencyKey: attempt.idempotencyKey,
      });
    } catch (error) {
      // The charge may or may not have happened: the next try resumes this attempt with its key.
      this.deps.logger.error({ err: error, orderId }, 'payment gateway error');
      await this.deps.db
        .update(payments)
        .set({ status: 'interrupted', updatedAt: new Date() })
        .where(eq(payments.id, attempt.id));
      throw new AppError(
        'service_unavailable',
        'The payment service is unavailable; please try again shortly',
      );
    }
    await this.deps.db.transaction((tx) => this.recordOutcome(tx, attempt, result));
    this.deps.poke();
    const order = await this.deps.orders.present(orderId);
    switch (result.status) {
      case 'succeeded':
        return { order, payment: { status: 'succeeded' } };
      case 'requires_action':
        return {
          order,
          payment: {
            status: 'requires_action',
            message: 'Your bank asks you to confirm this payment',
            clientSecret: result.clientSecret,
          },
        };
      default:
        return { order, payment: { status: 'failed', message: result.message } };
    }
  }

  /** Verifies and applies a gateway webhook; a replay (same event id) changes nothing. */
  async handleWebhook(rawBody: Buffer, signature: string | undefined) {
    let event: GatewayEvent;
    try {
      event = this.deps.gateway.parseWebhook(rawBody, signature);
    } catch (error) {
      if (error instanceof WebhookSignatureError) throw new AppError('bad_request', error.message);
      throw new AppError('bad_request', 'Webhook payload could not be read');
    }
    const outcome = await this.deps.db.transaction(async (tx) => {
      const fresh = await tx
        .insert(gatewayEvents)
        .values({ eventId: event.id, type: event.type })
        .onConflictDoNothing()
        .returning({ eventId: gatewayEvents.eventId });
      if (fresh.length === 0) return 'duplicate' as const;
      return (await this.applyEvent(tx, event)) ? ('applied' as const) : ('ignored' as const);
    });
    if (outcome === 'applied') this.deps.poke();
    return { received: true, duplicate: outcome === 'duplicate' };
  }

  /** Payments of an order, newest first (for administration and tests). */
  async paymentsOf(orderId: string) {
    return this.deps.db
      .select()
      .from(payments)
      .where(eq(payments.orderId, orderId))
      .orderBy(desc(payments.attempt));
  }

  startWorkers(concurrency: number, pollMs: number) {
    this.deps.jobs.register<{ paymentId: string }>(REFUND_QUEUE, (job) => this.refund(job), {
      concurrency,
      pollMs,
      leaseMs: 60_000,
      onFailed: async (job) => {
        this.deps.logger.error(
          { payload: job.payload, error: job.error },
          'refund failed after every attempt',
        );
      },
    });
  }

  /** Called in the transaction of an `order_status_changed` to cancelled: refunds what was paid. */
  async scheduleRefunds(tx: Executor, orderId: string): Promise<void> {
    const paid = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.orderId, orderId), eq(payments.status, 'succeeded')));
    for (const p of paid) {
      await this.deps.jobs.enqueue(
        REFUND_QUEUE,
        { paymentId: p.id },
        { singletonKey: p.id, maxAttempts: 8, backoffMs: 2000 },
        tx,
      );
    }
  }

  private async refund(job: JobContext<{ paymentId: string }>): Promise<void> {
    const [payment] = await this.deps.db
      .select()
      .from(payments)
      .where(eq(payments.id, job.payload.paymentId));
    if (payment?.status !== 'succeeded' || !payment.paymentIntentId) return;
    const refund = await this.deps.gateway.refund(payment.paymentIntentId, `payment:${payment.id}:refund`);
    await this.deps.db.transaction(async (tx) => {
      await this.deps.orders.lock(tx, payment.orderId);
      const inserted = await tx
        .insert(refunds)
        .values({
          paymentId: payment.id,
          orderId: payment.orderId,
          gatewayRefundId: refund.refundId,
          amountCents: payment.amountCents,
          status: refund.status,
        })
        .onConflictDoNothing()
        .returning({ id: refunds.id });
      if (inserted.length === 0) return;
      await tx
        .update(payments)
        .set({ status: 'refunded', refundedCents: payment.amountCents, updatedAt: new Date() })
        .where(eq(payments.id, payment.id));
      await this.deps.orders.recordRefund(tx, payment.orderId, payment.amountCents);
      await appendEvent(tx, {
        eventType: 'payment_refunded',
        userId: payment.userId,
        orderId: payment.orderId,
        metadata: { amountCents: payment.amountCents, currency: payment.currency, refundId: refund.refundId },
      });
    });
    this.deps.poke();
  }

  // --- internals ---

  private async claimAttempt(actor: Actor, orderId: string, paymentMethod: string): Promise<PaymentRow> {
    return this.deps.db.transaction(async (tx) => {
      const order = await this.deps.orders.lockForPayment(tx, orderId, actor);
      if (order.status !== 'pending_payment' && order.status !== 'payment_failed') {
        throw invalidState(
          order.status === 'cancelled'
            ? 'This order is cancelled'
            : 'This order is already paid; it will not be charged again',
        );
      }
      const previous = await tx
        .select()
        .from(payments)
        .where(eq(payments.orderId, orderId))
        .orderBy(desc(payments.attempt))
        .for('update');
      const unfinished = previous.find((p) => p.status === 'processing' || p.status === 'interrupted');
      if (unfinished) {
        const stale =
          unfinished.status === 'interrupted' ||
          Date.now() - unfinished.updatedAt.getTime() > STALE_ATTEMPT_MS;
        if (!stale) throw conflict('A payment for this order is already in progress');
        // Resumed with its own key and parameters: the gateway returns the first outcome, never a second charge.
        const [resumed] = await tx
          .update(payments)
          .set({ status: 'processing', updatedAt: new Date() })
          .where(eq(payments.id, unfinished.id))
          .returning();
        return resumed!;
      }
      const n = (previous[0]?.attempt ?? 0) + 1;
      const [row] = await tx
        .insert(payments)
        .values({
          orderId,
          userId: order.userId,
          attempt: n,
          idempotencyKey: `order:${orderId}:attempt:${n}`,
          paymentMethod,
          amountCents: order.totalCents,
          currency: order.currency,
        })
        .returning();
      return row!;
    });
  }

  private async recordOutcome(tx: Executor, attempt: PaymentRow, result: ChargeResult): Promise<void> {
    // The order first, then its payment: the same lock order as claiming an attempt (no deadlocks).
    await this.deps.orders.lock(tx, attempt.orderId);
    const [current] = await tx.select().from(payments).where(eq(payments.id, attempt.id)).for('update');
    if (!current) return;
    if (result.status === 'succeeded') {
      await this.succeed(tx, current, result.paymentIntentId, 'Payment received');
    } else if (result.status === 'requires_action') {
      if (current.status === 'succeeded') return;
      await tx
        .update(payments)
        .set({ status: 'requires_action', paymentIntentId: result.paymentIntentId, updatedAt: new Date() })
        .where(eq(payments.id, current.id));
    } else {
      await this.failPayment(tx, current, result.message, result.paymentIntentId);
    }
  }

  private async succeed(tx: Executor, payment: PaymentRow, paymentIntentId: string, reason: string) {
    if (payment.status === 'succeeded' || payment.status === 'refunded') return;
    await tx
      .update(payments)
      .set({ status: 'succeeded', paymentIntentId, failureMessage: null, updatedAt: new Date() })
      .where(eq(payments.id, payment.id));
    await appendEvent(tx, {
      eventType: 'payment_succeeded',
      userId: payment.userId,
      orderId: payment.orderId,
      metadata: { amountCents: payment.amountCents, currency: payment.currency, paymentIntentId },
    });
    const marked = await this.deps.orders.markPaid(tx, payment.orderId, reason);
    if (!marked) {
      // Money arrived for an order that is no longer payable (cancelled meanwhile, or paid by another attempt).
      const order = await this.deps.orders.lock(tx, payment.orderId);
      const paidByAnother = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(
          and(eq(payments.orderId, payment.orderId), inArray(payments.status, ['succeeded', 'refunded'])),
        );
      if (order?.status === 'cancelled' || paidByAnother.some((p) => p.id !== payment.id)) {
        await this.deps.jobs.enqueue(
          REFUND_QUEUE,
          { paymentId: payment.id },
          { singletonKey: payment.id, maxAttempts: 8, backoffMs: 2000 },
          tx,
        );
      }
    }
  }

  private async failPayment(
    tx: Executor,
    payment: PaymentRow,
    message: string | undefined,
    paymentIntentId: string | undefined,
  ) {
    // A late or out-of-order failure never undoes a success.
    if (payment.status === 'succeeded' || payment.status === 'refunded' || payment.status === 'failed')
      return;
    const text = message ?? 'The payment was declined';
    await tx
      .update(payments)
      .set({
        status: 'failed',
        failureMessage: text,
        paymentIntentId: paymentIntentId ?? payment.paymentIntentId,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, payment.id));
    await appendEvent(tx, {
      eventType: 'payment_failed',
      userId: payment.userId,
      orderId: payment.orderId,
      metadata: { message: text, amountCents: payment.amountCents, currency: payment.currency },
    });
    await this.deps.orders.markPaymentFailed(tx, payment.orderId, `Payment failed: ${text}`);
  }

  private async applyEvent(tx: Executor, event: GatewayEvent): Promise<boolean> {
    if (event.type === 'ignored') return false;
    const [found] = await tx
      .select({ id: payments.id, orderId: payments.orderId })
      .from(payments)
      .where(eq(payments.paymentIntentId, event.paymentIntentId));
    if (!found) {
      this.deps.logger.warn({ eventId: event.id, type: event.type }, 'webhook for an unknown payment intent');
      return false;
    }
    await this.deps.orders.lock(tx, found.orderId);
    const [payment] = await tx.select().from(payments).where(eq(payments.id, found.id)).for('update');
    if (!payment) return false;
    switch (event.type) {
      case 'payment_succeeded':
        await this.succeed(tx, payment, event.paymentIntentId, 'Payment confirmed by the payment provider');
        return true;
      case 'payment_failed': {
        // Only the latest attempt's failure says anything about the order.
        const [latest] = await tx
          .select({ id: payments.id })
          .from(payments)
          .where(eq(payments.orderId, payment.orderId))
          .orderBy(desc(payments.attempt))
          .limit(1);
        if (latest?.id !== payment.id) return false;
        await this.failPayment(tx, payment, event.message, event.paymentIntentId);
        return true;
      }
      case 'refunded':
        await tx
          .update(payments)
          .set({
            refundedCents: Math.max(payment.refundedCents, event.amountCents),
            ...(event.amountCents >= payment.amountCents ? { status: 'refunded' } : {}),
            updatedAt: new Date(),
          })
          .where(eq(payments.id, payment.id));
        await this.deps.orders.recordRefund(tx, payment.orderId, event.amountCents);
        return true;
    }
  }
}
