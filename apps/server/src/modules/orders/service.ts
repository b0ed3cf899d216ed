import { createHash, randomUUID } from 'node:crypto';
import type { Address, Design, Order, OrderStatus, Product } from '@btb/contracts';
import { createOrderBodySchema } from '@btb/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { outboxRowOf } from '../../platform/bus/outbox.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, conflict, invalidState, notFound, validationFailed } from '../../platform/errors.ts';
import type { Geocoder } from '../../platform/geo/geocoder.ts';
import { type Actor, isAdmin } from '../../platform/http/actor.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { recordStep, stepRecord } from '../../platform/workflows/workflow-steps.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DesignsService } from '../designs/index.ts';
import { artworkLocation } from './artwork/design-artwork.ts';
import { checkPrintOptions, storedPrintOptions } from './artwork/print-options.ts';
import {
  type FulfillmentSchedule,
  scheduleCancelUnfulfilled,
  schedulePoll,
  scheduleSubmission,
} from './fulfillment-jobs.ts';
import { orderStep } from './order-workflow.ts';
import { priceOrder } from './pricing.ts';
import { FulfillmentError, type FulfillmentProvider } from './providers/fulfillment-provider.ts';
import {
  CREATION_REASON,
  externalIdOf,
  insertOrder,
  listOrderRows,
  type NewOrderItem,
  type NewOrderRow,
  orderIdOfExternal,
  presentOrders,
  toOrder,
} from './repository.ts';
import { cancellableByCustomer, paidStatuses } from './state-machine.ts';
import {
  changeStatus,
  lockOrder,
  type OnEnterStatus,
  type OrderRow,
  recordNote,
  type StatusChange,
} from './status.ts';
import { idempotencyKeys, orders } from './tables.ts';

/** A payment's outcome handed to orders by payments (step `mark_paid` of the order-payment workflow). */
export interface PaymentHandOff {
  orderId: string;
  paymentId: string;
  /** Why, for the order's history. */
  reason: string;
}

/** What payments reads of an order before charging it. */
export type PayableOrder = Pick<OrderRow, 'id' | 'userId' | 'status' | 'totalCents' | 'currency'>;

export type CreateOrderInput = z.output<typeof createOrderBodySchema>;

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === '23505' ||
  (error as { cause?: { code?: string } })?.cause?.code === '23505';

/** A stable hash of the validated body: the same request, however its JSON was spelled, hashes the same. */
export function requestHashOf(body: CreateOrderInput): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

export interface OrdersDeps {
  db: Db;
  designs: DesignsService;
  catalog: CatalogService;
  geocoder: Geocoder;
  jobs: JobQueue;
  provider: FulfillmentProvider;
  schedule: FulfillmentSchedule;
  logger: Logger;
  /** Publish the events just committed without waiting for the relay's next poll. */
  poke: () => void;
}

export class OrdersService {
  /** Work done in the same transaction as entering a status. */
  private readonly onEnter: OnEnterStatus;

  constructor(private readonly deps: OrdersDeps) {
    this.onEnter = {
      paid: (tx, order) => scheduleSubmission(deps.jobs, tx, order.id, deps.schedule),
      submitted: (tx, order) => schedulePoll(deps.jobs, tx, order.id, 1, deps.schedule),
      // The workflow's compensation: refunded unless an operator retries it in time.
      fulfillment_failed: (tx, order) => scheduleCancelUnfulfilled(deps.jobs, tx, order.id, deps.schedule),
    };
  }

  // --- customers ---

  /**
   * One statement writes the order (see insertOrder); with the design pages and the catalogue in
   * the cache, creating an order is that one round trip. A key used before is found when that
   * statement writes nothing, or when the request no longer validates (a design deleted since).
   */
  async create(
    actor: Actor,
    input: CreateOrderInput,
    options: { idempotencyKey?: string; baseUrl: string },
  ): Promise<{ order: Order; replayed: boolean }> {
    const body = createOrderBodySchema.parse(input);
    const requestHash = requestHashOf(body);
    const key = options.idempotencyKey;
    const replayOr = async (error: unknown) => {
      const replay = key ? await this.replay(actor, key, requestHash) : null;
      if (replay) return replay;
      throw error;
    };

    let prepared: Awaited<ReturnType<OrdersService['prepareOrder']>>;
    try {
      prepared = await this.prepareOrder(actor, body, options.baseUrl);
    } catch (error) {
      return replayOr(error);
    }
    const { order, items } = prepared;
    const event = outboxRowOf({
      eventType: 'order_created',
      userId: actor.id,
      orderId: order.id,
      metadata: {
        totalCents: order.totalCents,
        currency: order.currency,
        country: body.shippingAddress.country,
      },
    });
    let written: { createdAt: Date } | null;
    try {
      written = await insertOrder(this.deps.db, order, items, event, key ? { key, requestHash } : undefined);
    } catch (error) {
      if (key && isUniqueViolation(error)) return replayOr(error);
      throw error;
    }
    // Taken by an earlier or concurrent request with the same key: that request's order is the one.
    if (!written) return replayOr(conflict('This Idempotency-Key is being used by another request'));
    this.deps.poke();
    const { createdAt } = written;
    const status = 'pending_payment' as const;
    return {
      order: toOrder(
        {
          ...order,
          status,
          refundedCents: 0,
          fulfillmentProvider: null,
          providerOrderId: null,
          submittedAt: null,
          tracking: null,
          failureReason: null,
          createdAt,
          updatedAt: createdAt,
        },
        items.map((i) => ({ ...i, printFiles: null })),
        [{ fromStatus: null, toStatus: status, at: createdAt, reason: CREATION_REASON }],
      ),
      replayed: false,
    };
  }

  /** The order's row and items, validated and priced; nothing written yet. */
  private async prepareOrder(actor: Actor, body: CreateOrderInput, baseUrl: string) {
    const lines = await this.validateItems(actor, body.items);
    const currency = lines[0]!.product.currency;
    if (lines.some((l) => l.product.currency !== currency)) {
      throw validationFailed([{ path: 'items', message: 'all items must be priced in the same currency' }]);
    }
    const price = priceOrder(
      lines.map((l) => ({ unitPriceCents: l.variant.priceCents, quantity: l.quantity })),
      body.shippingAddress.country,
      body.shippingMethod,
    );
    const { address, destination } = await this.normaliseAddress(body.shippingAddress);
    const order: NewOrderRow = {
      id: randomUUID(),
      userId: actor.id,
      currency,
      ...price,
      shippingMethod: body.shippingMethod,
      shippingAddress: address,
      destination,
      publicBaseUrl: baseUrl,
    };
    const items: NewOrderItem[] = lines.map((l, position) => ({
      position,
      designId: l.design.id,
      designSeed: l.artwork.seed,
      artworkKey: l.artwork.key,
      designTitle: l.design.title,
      thumbnailUrl: l.design.thumbnailUrl,
      productId: l.product.id,
      productName: l.product.name,
      variantId: l.variant.id,
      variantName: `${l.variant.color} / ${l.variant.size}`,
      providerVariantId: l.variant.printfulVariantId,
      quantity: l.quantity,
      unitPriceCents: l.variant.priceCents,
      printOptions: l.printOptions,
    }));
    return { order, items };
  }

  async get(id: string, actor: Actor): Promise<Order> {
    const row = await this.findVisible(this.deps.db, id, actor);
    return (await presentOrders(this.deps.db, [row]))[0]!;
  }

  async list(actor: Actor, query: { cursor?: string; limit: number }) {
    const page = await listOrderRows(this.deps.db, { userId: actor.id, ...query });
    return { items: await presentOrders(this.deps.db, page.rows), nextCursor: page.nextCursor };
  }

  /** Before production only. A paid order is refunded by the payments module when it sees the cancellation. */
  async cancel(actor: Actor, id: string): Promise<Order> {
    const row = await this.findVisible(this.deps.db, id, actor);
    this.assertCancellable(row.status);
    if (row.status === 'submitted') {
      try {
        await this.deps.provider.cancel(externalIdOf(id));
      } catch (error) {
        if (error instanceof FulfillmentError && !error.retryable) {
          throw invalidState(`This order can no longer be cancelled: ${error.message}`);
        }
        throw new AppError('service_unavailable', 'The manufacturer could not be reached; try again shortly');
      }
    }
    await this.deps.db.transaction(async (tx) => {
      const current = await lockOrder(tx, id);
      this.assertCancellable(current.status);
      const wasPaid = paidStatuses.includes(current.status);
      await this.changeStatus(tx, {
        orderId: id,
        to: 'cancelled',
        reason: wasPaid ? 'Cancelled by the customer; the payment is refunded' : 'Cancelled by the customer',
      });
    });
    this.deps.poke();
    return this.get(id, actor);
  }

  // --- administration ---

  async adminList(query: { status?: OrderStatus; cursor?: string; limit: number }) {
    const page = await listOrderRows(this.deps.db, query);
    return { items: await presentOrders(this.deps.db, page.rows), nextCursor: page.nextCursor };
  }

  /** A failed fulfillment goes back to paid, which schedules a fresh submission. */
  async retryFulfillment(admin: Actor, id: string): Promise<Order> {
    await this.deps.db.transaction(async (tx) => {
      const current = await lockOrder(tx, id);
      if (current.status !== 'fulfillment_failed') {
        throw invalidState(
          `Only orders whose fulfillment failed can be retried (this one is ${current.status})`,
        );
      }
      await this.changeStatus(tx, {
        orderId: id,
        to: 'paid',
        reason: `Fulfillment retried by an administrator (${admin.id})`,
        patch: { failureReason: null },
      });
    });
    this.deps.poke();
    return this.get(id, admin);
  }

  async statistics() {
    const paid = sql.raw(paidStatuses.map((s) => `'${s}'`).join(','));
    const perDay = await this.deps.db.execute<{ day: string; count: number; revenue: number }>(sql`
      select to_char(date_trunc('day', created_at), 'YYYY-MM-DD') as day, count(*)::int as count,
             coalesce(sum(total_cents - refunded_cents) filter (where status in (${paid})), 0)::int as revenue
      from orders.orders where created_at > now() - interval '30 days' group by 1 order by 1`);
    const [totals] = (
      await this.deps.db.execute<{ orders: number; revenue: number }>(sql`
      select count(*)::int as orders,
             coalesce(sum(total_cents - refunded_cents) filter (where status in (${paid})), 0)::int as revenue
      from orders.orders`)
    ).rows;
    return {
      perDay: perDay.rows.map((r) => ({
        day: r.day,
        count: Number(r.count),
        revenueCents: Number(r.revenue),
      })),
      totals: { orders: Number(totals?.orders ?? 0), revenueCents: Number(totals?.revenue ?? 0) },
    };
  }

  // --- for fulfillment (inside its transactions) ---

  /** Every status change of the module goes through here (and so through `changeStatus`). */
  changeStatus(tx: Executor, change: StatusChange) {
    return changeStatus(tx, change, this.onEnter);
  }

  /** Locks the order row (null when there is none). */
  async lock(tx: Executor, id: string): Promise<OrderRow | null> {
    try {
      return await lockOrder(tx, id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }

  // --- for payments: each in a transaction of its own (the order-payment workflow's steps) ---

  /** What payments needs to charge for the order the actor wants to pay: theirs (or any, for an admin); 404 otherwise. */
  async forPayment(actor: Actor, id: string): Promise<PayableOrder> {
    const row = await this.findVisible(this.deps.db, id, actor);
    return {
      id: row.id,
      userId: row.userId,
      status: row.status,
      totalCents: row.totalCents,
      currency: row.currency,
    };
  }

  /**
   * Step `mark_paid`: a captured payment makes a payable order paid, and the submission is enqueued
   * with it. Run again for the same payment it changes nothing (`already`); `not_payable` tells
   * payments to refund (the order was cancelled meanwhile, or another attempt paid it).
   */
  async markPaid(handOff: PaymentHandOff): Promise<'paid' | 'already' | 'not_payable'> {
    const outcome = await this.deps.db.transaction(async (tx) => {
      const row = await lockOrder(tx, handOff.orderId);
      const step = orderStep(handOff.orderId, 'mark_paid');
      const done = await stepRecord(tx, step);
      if (done?.state === 'done' && done.ref === handOff.paymentId) return 'already' as const;
      if (row.status !== 'pending_payment' && row.status !== 'payment_failed') return 'not_payable' as const;
      await this.changeStatus(tx, { orderId: handOff.orderId, to: 'paid', reason: handOff.reason });
      await recordStep(tx, step, { state: 'done', ref: handOff.paymentId });
      return 'paid' as const;
    });
    if (outcome === 'paid') this.deps.poke();
    return outcome;
  }

  /** A declined attempt, once per payment: the order shows it and stays payable. */
  async markPaymentFailed(handOff: PaymentHandOff): Promise<boolean> {
    const changed = await this.deps.db.transaction(async (tx) => {
      const row = await lockOrder(tx, handOff.orderId);
      const step = orderStep(handOff.orderId, 'mark_paid');
      const seen = await stepRecord(tx, step);
      if (seen?.ref === handOff.paymentId) return false;
      if (row.status !== 'pending_payment' && row.status !== 'payment_failed') return false;
      await this.changeStatus(tx, { orderId: handOff.orderId, to: 'payment_failed', reason: handOff.reason });
      await recordStep(tx, step, { state: 'failed', ref: handOff.paymentId, detail: handOff.reason });
      return true;
    });
    if (changed) this.deps.poke();
    return changed;
  }

  /**
   * The order's refunded total (absolute, so a repeated notice changes nothing), with a line in its
   * history for each increase.
   */
  async recordRefund(id: string, refundedCents: number): Promise<boolean> {
    return this.deps.db.transaction(async (tx) => {
      const row = await lockOrder(tx, id);
      if (refundedCents <= row.refundedCents) return false;
      await tx.update(orders).set({ refundedCents, updatedAt: new Date() }).where(eq(orders.id, id));
      const amount = `${((refundedCents - row.refundedCents) / 100).toFixed(2)} ${row.currency.toUpperCase()}`;
      await recordNote(tx, row, `Payment refunded: ${amount}`);
      return true;
    });
  }

  async present(id: string): Promise<Order> {
    const [row] = await this.deps.db.select().from(orders).where(eq(orders.id, id));
    if (!row) throw notFound('Order');
    return (await presentOrders(this.deps.db, [row]))[0]!;
  }

  /** When the order was submitted to the manufacturer, by external id (for the simulator after a restart). */
  submittedAtOf = async (externalId: string): Promise<Date | null> => {
    const id = orderIdOfExternal(externalId);
    if (!id) return null;
    const [row] = await this.deps.db
      .select({ submittedAt: orders.submittedAt })
      .from(orders)
      .where(eq(orders.id, id));
    return row?.submittedAt ?? null;
  };

  // --- internals ---

  private async replay(actor: Actor, key: string, requestHash: string) {
    const [existing] = await this.deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, actor.id), eq(idempotencyKeys.key, key)));
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      throw conflict('This Idempotency-Key was already used with a different request body');
    }
    return { order: await this.present(existing.orderId), replayed: true };
  }

  private async validateItems(actor: Actor, items: CreateOrderInput['items']) {
    // Each design once, all at the same time (a design ordered on several products is one lookup).
    const lookups = new Map<string, Promise<Design>>();
    for (const item of items) {
      if (!lookups.has(item.designId)) {
        const lookup = this.deps.designs.orderableDesign(actor, item.designId);
        lookup.catch(() => {}); // awaited below, in item order
        lookups.set(item.designId, lookup);
      }
    }
    const lines = [];
    for (const [i, item] of items.entries()) {
      const design = await lookups.get(item.designId)!.catch((error) => {
        if (error instanceof AppError && error.code === 'not_found') {
          throw validationFailed([{ path: `items.${i}.designId`, message: 'no such design' }]);
        }
        throw error;
      });
      const artwork = artworkLocation(design);
      if (!artwork) throw invalidState(`Design "${design.title}" has no print-ready artwork`);
      const resolved = await this.deps.catalog.resolveVariant(item.productId, item.variantId);
      if (resolved.error !== undefined) {
        const path = resolved.error.startsWith('Unknown product') ? 'productId' : 'variantId';
        throw validationFailed([{ path: `items.${i}.${path}`, message: resolved.error }]);
      }
      const product = resolved.product as Product;
      const options = checkPrintOptions(product, item, `items.${i}`);
      lines.push({
        design,
        artwork,
        product,
        variant: resolved.variant!,
        quantity: item.quantity,
        printOptions: storedPrintOptions(product, options, design.quality),
      });
    }
    return lines;
  }

  /** The geocoder's spelling and coordinates when it finds the address; the address as typed otherwise. */
  private async normaliseAddress(typed: Address) {
    const found = await this.deps.geocoder.geocode(typed).catch((error) => {
      this.deps.logger.warn({ err: error }, 'geocoding failed; using the address as typed');
      return null;
    });
    if (!found || found.normalized.country.toUpperCase() !== typed.country) {
      return { address: typed, destination: null };
    }
    const n = found.normalized;
    const address: Address = {
      ...typed,
      line1: n.line1 || typed.line1,
      ...(n.line2 || typed.line2 ? { line2: n.line2 || typed.line2 } : {}),
      city: n.city || typed.city,
      ...(n.state || typed.state ? { state: n.state || typed.state } : {}),
      postalCode: n.postalCode || typed.postalCode,
    };
    return { address, destination: { longitude: found.longitude, latitude: found.latitude } };
  }

  private async findVisible(db: Executor, id: string, actor: Actor): Promise<OrderRow> {
    const [row] = await db.select().from(orders).where(eq(orders.id, id));
    // Someone else's order does not exist for them.
    if (!row || (row.userId !== actor.id && !isAdmin(actor))) throw notFound('Order');
    return row;
  }

  private assertCancellable(status: OrderStatus) {
    if (!cancellableByCustomer.includes(status)) {
      throw invalidState(
        status === 'cancelled'
          ? 'This order is already cancelled'
          : `This order can no longer be cancelled (it is ${status.replaceAll('_', ' ')})`,
      );
    }
  }
}
