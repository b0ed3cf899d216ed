import type { PaymentResult } from '@btb/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { appendEvent } from '../../platform/bus/outbox.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { onlyRow } from '../../platform/db/rows.ts';
import { AppError, conflict, invalidState, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import { recordStep } from '../../platform/workflows/workflow-steps.ts';
import { type OrdersService, orderStep } from '../orders/index.ts';
import type { ChargeResult, GatewayEvent, PaymentGateway } from './providers/payment-gateway.ts';
import { WebhookSignatureError } from './providers/stripe-webhook-events.ts';
import { gatewayEvents, payments, refunds } from './tables.ts';

export const REFUND_QUEUE = 'payment-refund';
/** Hands a payment's outcome to orders (durably: enqueued with the outcome, run again after a crash). */
export const HAND_OFF_QUEUE = 'payment-hand-off';

export interface HandOffJob {
  paymentId: string;
  /** Why, for the order's history when the payment pays it. */
  reason: string;
}

/** At most one refund job per payment at a time; the refund row and the gateway key make it one refund ever. */
const refundJob = (paymentId: string) => ({ singletonKey: paymentId, maxAttempts: 8, backoffMs: 2000 });

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === '23505' ||
  (error as { cause?: { code?: string } })?.cause?.code === '23505';
/** The `payment` part of a pay answer for a gateway's outcome. */
function paymentOf(result: ChargeResult): PaymentResult['payment'] {
  switch (result.status) {
    case 'succeeded':
      return { status: 'succeeded' };
    case 'requires_action':
      return {
        status: 'requires_action',
        message: 'Your bank asks you to confirm this payment',
        clientSecret: result.clientSecret,
        ...(result.nextAction ? { nextAction: result.nextAction } : {}),
      };
    default:
      return { status: 'failed', message: result.message };
  }
}

const pendingPayment: PaymentResult['payment'] = {
  status: 'requires_action',
  message: 'Your bank has not confirmed this payment yet',
};

/** A `processing` attempt older than this is taken to have died mid-charge and is resumed (same key). */
const STALE_ATTEMPT_MS = 60_000;

type PaymentRow = typeof payments.$inferSelect;

export interface PaymentsDeps {
  db: Db;
  gateway: PaymentGateway;
  orders: OrdersService;
  jobs: JobQueue;
  logger: Logger;
  poke: () => void;
  /** Where the buyer's bank sends them back to after 3-D Secure: the order's checkout (absolute URL). */
  returnUrl: (orderId: string) => string;
}

const gatewayUnavailable = () =>
  new AppError('service_unavailable', 'The payment service is unavailable; please try again shortly');

/**
 * Charges orders through the PaymentGateway and never twice: each attempt has its own
 * idempotency key, at most one attempt per order runs at a time (the attempt number is unique per
 * order), and an order with a captured payment is not payable. Webhooks reconcile asynchronous
 * outcomes (3-D Secure, refunds) idempotently by event id. Cancelled paid orders are refunded.
 *
 * Payments writes only its own tables. An outcome is recorded with a hand-off job in one
 * transaction; the hand-off then tells orders in orders' own transaction (at once, and again from
 * the job after a crash): steps `capture_payment` → `mark_paid` of the order-payment workflow, and
 * the compensation `refund_payment` (see orders/order-workflow.ts).
 */
export class PaymentsService {
  constructor(private readonly deps: PaymentsDeps) {}

  async pay(actor: Actor, orderId: string, paymentMethod: string): Promise<PaymentResult> {
    const attempt = await this.claimAttempt(actor, orderId, paymentMethod);
    let result: ChargeResult;
    try {
      result = await this.deps.gateway.charge({
        orderId,
        amountCents: attempt.amountCents,
        currency: attempt.currency,
        paymentMethod: attempt.paymentMethod,
        idempotencyKey: attempt.idempotencyKey,
        returnUrl: this.deps.returnUrl(orderId),
      });
    } catch (error) {
      // The charge may or may not have happened: the next try resumes this attempt with its key.
      this.deps.logger.error({ err: error, orderId }, 'payment gateway error');
      await this.deps.db
        .update(payments)
        .set({ status: 'interrupted', updatedAt: new Date() })
        .where(eq(payments.id, attempt.id));
      throw gatewayUnavailable();
    }
    await this.deps.db.transaction((tx) => this.recordOutcome(tx, attempt, result));
    this.deps.poke();
    await this.handOffNow({ paymentId: attempt.id, reason: 'Payment received' });
    return { order: await this.deps.orders.present(orderId), payment: paymentOf(result) };
  }

  /**
   * The buyer is back from their bank (3-D Secure): asks the gateway how the PaymentIntent ended and
   * records it through the same path as a charge's outcome, so a webhook with the same news, or a
   * second confirmation, changes nothing. A failed authentication leaves the order payable.
   */
  async confirm(actor: Actor, orderId: string, paymentIntentId?: string): Promise<PaymentResult> {
    await this.deps.orders.forPayment(actor, orderId);
    const attempts = await this.paymentsOf(orderId);
    const payment = paymentIntentId
      ? attempts.find((p) => p.paymentIntentId === paymentIntentId)
      : attempts[0];
    if (!payment) {
      if (paymentIntentId) throw notFound('Payment for this order');
      throw invalidState('This order has no payment to confirm');
    }
    if (payment.status === 'processing' || payment.status === 'interrupted')
      throw conflict('A payment for this order is already in progress');
    let retrieved: ChargeResult | undefined;
    if (payment.status === 'requires_action' && payment.paymentIntentId) {
      try {
        retrieved = await this.deps.gateway.retrieve(payment.paymentIntentId);
      } catch (error) {
        this.deps.logger.error({ err: error, orderId }, 'payment gateway error on confirmation');
        throw gatewayUnavailable();
      }
      const outcome = retrieved;
      await this.deps.db.transaction((tx) => this.recordOutcome(tx, payment, outcome));
      this.deps.poke();
      await this.handOffNow({ paymentId: payment.id, reason: 'Payment received' });
    }
    // Answered from what is recorded, so confirming again (or after the webhook) says the same.
    const [current] = await this.deps.db.select().from(payments).where(eq(payments.id, payment.id));
    const recorded = current ?? payment;
    const order = await this.deps.orders.present(orderId);
    switch (recorded.status) {
      case 'succeeded':
      case 'refunded':
        return { order, payment: { status: 'succeeded' } };
      case 'failed':
        return {
          order,
          payment: { status: 'failed', message: recorded.failureMessage ?? 'The payment was declined' },
        };
      default:
        return {
          order,
          payment: retrieved?.status === 'requires_action' ? paymentOf(retrieved) : pendingPayment,
        };
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
      return (await this.applyEvent(tx, event)) ?? ('ignored' as const);
    });
    if (typeof outcome === 'object') {
      this.deps.poke();
      await this.handOffNow(outcome);
    }
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
    this.deps.jobs.register<HandOffJob>(HAND_OFF_QUEUE, (job) => this.handOff(job.payload), {
      concurrency,
      pollMs,
      leaseMs: 30_000,
      onFailed: async (job) => {
        this.deps.logger.error({ payload: job.payload, error: job.error }, 'payment hand-off failed');
      },
    });
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
      await this.deps.jobs.enqueue(REFUND_QUEUE, { paymentId: p.id }, refundJob(p.id), tx);
    }
  }

  /**
   * The compensation `refund_payment`: refunds a captured payment in full, once (the gateway's
   * idempotency key and the refund row's unique payment id), then tells orders. Run again after a
   * crash it only repeats telling orders, which is idempotent.
   */
  private async refund(job: JobContext<{ paymentId: string }>): Promise<void> {
    const [payment] = await this.deps.db
      .select()
      .from(payments)
      .where(eq(payments.id, job.payload.paymentId));
    if (!payment?.paymentIntentId) return;
    if (payment.status === 'succeeded') {
      const refund = await this.deps.gateway.refund(payment.paymentIntentId, `payment:${payment.id}:refund`);
      await this.deps.db.transaction(async (tx) => {
        const [current] = await tx.select().from(payments).where(eq(payments.id, payment.id)).for('update');
        if (current?.status !== 'succeeded') return;
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
        await appendEvent(tx, {
          eventType: 'payment_refunded',
          userId: payment.userId,
          orderId: payment.orderId,
          metadata: {
            amountCents: payment.amountCents,
            currency: payment.currency,
            refundId: refund.refundId,
          },
        });
        await recordStep(tx, orderStep(payment.orderId, 'refund_payment'), {
          state: 'done',
          ref: payment.id,
          detail: refund.refundId,
        });
        await this.enqueueHandOff(tx, current, 'Payment refunded');
      });
      this.deps.poke();
    }
    await this.handOff({ paymentId: payment.id, reason: 'Payment refunded' });
  }

  /**
   * Tells orders what this payment now means for the order, each part idempotent: a capture marks
   * it paid (or, when it is no longer payable, the payment is refunded); the latest attempt's
   * decline marks the payment failed; refunds set the order's refunded total.
   */
  async handOff({ paymentId, reason }: HandOffJob): Promise<void> {
    const [payment] = await this.deps.db.select().from(payments).where(eq(payments.id, paymentId));
    if (!payment) return;
    const handOff = { orderId: payment.orderId, paymentId, reason };
    if (payment.status === 'succeeded') {
      const outcome = await this.deps.orders.markPaid(handOff);
      if (outcome === 'not_payable') {
        // Money arrived for an order that is no longer payable (cancelled meanwhile, or paid by another attempt).
        await this.deps.jobs.enqueue(REFUND_QUEUE, { paymentId }, refundJob(paymentId));
      }
    } else if (payment.status === 'failed') {
      // Only the latest attempt's failure says anything about the order.
      const [latest] = await this.deps.db
        .select({ id: payments.id })
        .from(payments)
        .where(eq(payments.orderId, payment.orderId))
        .orderBy(desc(payments.attempt))
        .limit(1);
      if (latest?.id === paymentId) {
        await this.deps.orders.markPaymentFailed({
          ...handOff,
          reason: `Payment failed: ${payment.failureMessage ?? 'The payment was declined'}`,
        });
      }
    }
    if (payment.refundedCents > 0) {
      const [refunded] = await this.deps.db
        .select({ total: sql<number>`coalesce(sum(${payments.refundedCents}), 0)::int` })
        .from(payments)
        .where(eq(payments.orderId, payment.orderId));
      if (await this.deps.orders.recordRefund(payment.orderId, Number(refunded?.total ?? 0)))
        this.deps.poke();
    }
  }

  // --- internals ---

  private async claimAttempt(actor: Actor, orderId: string, paymentMethod: string): Promise<PaymentRow> {
    const order = await this.deps.orders.forPayment(actor, orderId);
    if (order.status !== 'pending_payment' && order.status !== 'payment_failed') {
      throw invalidState(
        order.status === 'cancelled'
          ? 'This order is cancelled'
          : 'This order is already paid; it will not be charged again',
      );
    }
    try {
      return await this.deps.db.transaction(async (tx) => {
        const previous = await tx
          .select()
          .from(payments)
          .where(eq(payments.orderId, orderId))
          .orderBy(desc(payments.attempt))
          .for('update');
        // Captured but not yet handed to orders: the order is paid, whatever its row says yet.
        if (previous.some((p) => p.status === 'succeeded' || p.status === 'refunded')) {
          throw invalidState('This order is already paid; it will not be charged again');
        }
        const unfinished = previous.find((p) => p.status === 'processing' || p.status === 'interrupted');
        if (unfinished) {
          const stale =
            unfinished.status === 'interrupted' ||
            Date.now() - unfinished.updatedAt.getTime() > STALE_ATTEMPT_MS;
          if (!stale) throw conflict('A payment for this order is already in progress');
          // Resumed with its own key and parameters: the gateway returns the first outcome, never a second charge.
          return onlyRow(
            await tx
              .update(payments)
              .set({ status: 'processing', updatedAt: new Date() })
              .where(eq(payments.id, unfinished.id))
              .returning(),
            'the resumed payment',
          );
        }
        const n = (previous[0]?.attempt ?? 0) + 1;
        return onlyRow(
          await tx
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
            .returning(),
          'the new payment',
        );
      });
    } catch (error) {
      // A concurrent request took this attempt number first: that attempt is the one in progress.
      if (isUniqueViolation(error)) throw conflict('A payment for this order is already in progress');
      throw error;
    }
  }

  private async recordOutcome(tx: Executor, attempt: PaymentRow, result: ChargeResult): Promise<void> {
    const [current] = await tx.select().from(payments).where(eq(payments.id, attempt.id)).for('update');
    if (!current) return;
    if (result.status === 'succeeded') {
      await this.succeed(tx, current, result.paymentIntentId, 'Payment received');
    } else if (result.status === 'requires_action') {
      // Never undoes an outcome already recorded (a webhook may have been first).
      if (current.status === 'succeeded' || current.status === 'refunded' || current.status === 'failed')
        return;
      await tx
        .update(payments)
        .set({ status: 'requires_action', paymentIntentId: result.paymentIntentId, updatedAt: new Date() })
        .where(eq(payments.id, current.id));
    } else {
      await this.failPayment(tx, current, result.message, result.paymentIntentId);
    }
  }

  /** Step `capture_payment`: the payment is recorded as captured, with its hand-off to orders. */
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
    await recordStep(tx, orderStep(payment.orderId, 'capture_payment'), {
      state: 'done',
      ref: payment.id,
      detail: paymentIntentId,
    });
    await this.enqueueHandOff(tx, { ...payment, status: 'succeeded' }, reason);
  }

  /** The durable half of a hand-off; `handOffNow` is the prompt half. */
  private async enqueueHandOff(tx: Executor, payment: PaymentRow, reason: string) {
    await this.deps.jobs.enqueue<HandOffJob>(
      HAND_OFF_QUEUE,
      { paymentId: payment.id, reason },
      // One per outcome: a refund after a capture is handed off again even while the first is still queued.
      { singletonKey: `${payment.id}:${payment.status}`, maxAttempts: 10, backoffMs: 1000 },
      tx,
    );
  }

  /** Hands off at once so the answer shows the order as it now is; if this fails, the queued job does it. */
  private async handOffNow(job: HandOffJob) {
    await this.handOff(job).catch((error) => {
      this.deps.logger.warn({ err: error, paymentId: job.paymentId }, 'payment hand-off deferred to its job');
    });
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
    await recordStep(tx, orderStep(payment.orderId, 'capture_payment'), {
      state: 'failed',
      ref: payment.id,
      detail: text,
    });
    await this.enqueueHandOff(tx, { ...payment, status: 'failed' }, `Payment failed: ${text}`);
  }

  /** Applies a verified gateway event to its payment; what to hand to orders once committed, if anything changed. */
  private async applyEvent(tx: Executor, event: GatewayEvent): Promise<HandOffJob | null> {
    if (event.type === 'ignored') return null;
    const [found] = await tx
      .select({ id: payments.id, orderId: payments.orderId })
      .from(payments)
      .where(eq(payments.paymentIntentId, event.paymentIntentId));
    if (!found) {
      this.deps.logger.warn({ eventId: event.id, type: event.type }, 'webhook for an unknown payment intent');
      return null;
    }
    const [payment] = await tx.select().from(payments).where(eq(payments.id, found.id)).for('update');
    if (!payment) return null;
    switch (event.type) {
      case 'payment_succeeded': {
        const reason = 'Payment confirmed by the payment provider';
        await this.succeed(tx, payment, event.paymentIntentId, reason);
        return { paymentId: payment.id, reason };
      }
      case 'payment_failed': {
        // Only the latest attempt's failure says anything about the order.
        const [latest] = await tx
          .select({ id: payments.id })
          .from(payments)
          .where(eq(payments.orderId, payment.orderId))
          .orderBy(desc(payments.attempt))
          .limit(1);
        if (latest?.id !== payment.id) return null;
        await this.failPayment(tx, payment, event.message, event.paymentIntentId);
        return { paymentId: payment.id, reason: 'Payment failed' };
      }
      case 'refunded': {
        const updated = onlyRow(
          await tx
            .update(payments)
            .set({
              refundedCents: Math.max(payment.refundedCents, event.amountCents),
              ...(event.amountCents >= payment.amountCents ? { status: 'refunded' } : {}),
              updatedAt: new Date(),
            })
            .where(eq(payments.id, payment.id))
            .returning(),
          'the refunded payment',
        );
        await this.enqueueHandOff(tx, { ...updated, status: 'refunded' }, 'Payment refunded');
        return { paymentId: payment.id, reason: 'Payment refunded' };
      }
    }
  }
}
