import type { OrderStatus, PrintOptions, Product } from '@btb/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import type { FileStorage } from '../../platform/storage/file-storage.ts';
import { recordStep } from '../../platform/workflows/workflow-steps.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DesignArtwork } from './artwork/design-artwork.ts';
import { tileSizeOf } from './artwork/design-artwork.ts';
import { type PrintFiles, printPositionsOf } from './artwork/print-files.ts';
import {
  type FulfillmentSchedule,
  POLL_QUEUE,
  type PollJob,
  SUBMIT_QUEUE,
  type SubmitJob,
  schedulePoll,
  UNFULFILLED_QUEUE,
  type UnfulfilledJob,
} from './fulfillment-jobs.ts';
import { orderStep } from './order-workflow.ts';
import {
  type FulfillmentAddress,
  FulfillmentError,
  type FulfillmentProvider,
  type FulfillmentUpdate,
  type Shipment,
} from './providers/fulfillment-provider.ts';
import { absoluteFileUrl, externalIdOf, orderIdOfExternal } from './repository.ts';
import type { OrdersService } from './service.ts';
import { fulfillmentChain } from './state-machine.ts';
import type { OrderRow } from './status.ts';
import { fulfillmentEvents, orderItems, orders } from './tables.ts';

/** Orders the provider is working on: polled until they arrive. */
const IN_FLIGHT: readonly OrderStatus[] = ['submitted', 'in_production', 'shipped'];

export interface FulfillmentDeps {
  db: Db;
  jobs: JobQueue;
  storage: FileStorage;
  catalog: CatalogService;
  provider: FulfillmentProvider;
  printFiles: PrintFiles;
  orders: OrdersService;
  schedule: FulfillmentSchedule;
  logger: Logger;
  poke: () => void;
}

/**
 * Manufacturing: renders print files and submits paid orders (a durable job per order, retried
 * with backoff, `fulfillment_failed` when attempts run out), then follows the order through
 * production and shipping by polling the provider and by applying its webhooks, idempotently.
 */
export class FulfillmentService {
  constructor(private readonly deps: FulfillmentDeps) {}

  startWorkers(concurrency: number, pollMs: number) {
    const { jobs } = this.deps;
    jobs.register<SubmitJob>(SUBMIT_QUEUE, (job) => this.submit(job), {
      concurrency,
      pollMs,
      leaseMs: this.deps.schedule.leaseMs,
      onFailed: async (job) => {
        const { orderId } = job.payload as SubmitJob;
        await this.fail(
          orderId,
          `Submission to the manufacturer failed after several attempts: ${job.error}`,
        );
      },
    });
    jobs.register<PollJob>(POLL_QUEUE, (job) => this.poll(job), { concurrency, pollMs, leaseMs: 30_000 });
    jobs.register<UnfulfilledJob>(
      UNFULFILLED_QUEUE,
      async (job) => {
        await this.cancelUnfulfilled(job.payload.orderId);
      },
      {
        concurrency,
        pollMs,
        leaseMs: 30_000,
      },
    );
  }

  /**
   * The compensation of a submission that failed for good: an order still in `fulfillment_failed`
   * (no operator retried it) is cancelled, and payments refunds it on that cancellation. Run again,
   * or after a retry, it changes nothing.
   */
  async cancelUnfulfilled(orderId: string): Promise<boolean> {
    const changed = await this.deps.db.transaction(async (tx) => {
      const current = await this.deps.orders.lock(tx, orderId);
      if (current?.status !== 'fulfillment_failed') return false;
      const reason = current.failureReason ?? 'no reason given';
      await this.deps.orders.changeStatus(tx, {
        orderId,
        to: 'cancelled',
        reason: `Could not be manufactured (${reason}); the payment is refunded`,
      });
      await recordStep(tx, orderStep(orderId, 'submit_to_fulfillment'), {
        state: 'compensated',
        detail: reason,
      });
      await recordStep(tx, orderStep(orderId, 'cancel_unfulfilled'), { state: 'done', detail: reason });
      return true;
    });
    if (changed) this.deps.poke();
    return changed;
  }

  async submit(job: JobContext<SubmitJob>): Promise<void> {
    const { orderId } = job.payload;
    const order = await this.load(orderId);
    // Cancelled, already submitted, or gone: nothing to do.
    if (order?.status !== 'paid') return;
    const externalId = externalIdOf(orderId);
    try {
      const items = await this.deps.db
        .select()
        .from(orderItems)
        .where(eq(orderItems.orderId, orderId))
        .orderBy(asc(orderItems.position));
      const products = await this.deps.catalog.listProducts();
      const fulfillmentItems = [];
      for (const item of items) {
        const product = products.find((p) => p.id === item.productId);
        if (!product) throw new FulfillmentError(`Product ${item.productId} is no longer available`, false);
        const options = (item.printOptions ?? {}) as PrintOptions;
        const files = await this.printFilesFor(item, product, order.publicBaseUrl, options);
        await this.deps.db.update(orderItems).set({ printFiles: files }).where(eq(orderItems.id, item.id));
        fulfillmentItems.push({
          providerVariantId: item.providerVariantId,
          quantity: item.quantity,
          files,
          positions: printPositionsOf(product, options),
          retailPriceCents: item.unitPriceCents,
          name: `${item.designTitle} — ${item.productName} (${item.variantName})`,
        });
      }
      const submitted = await this.deps.provider.submit({
        externalId,
        recipient: order.shippingAddress as FulfillmentAddress,
        items: fulfillmentItems,
        shippingMethod: order.shippingMethod.toUpperCase(),
      });
      const outcome = await this.deps.db.transaction(async (tx) => {
        const current = await this.deps.orders.lock(tx, orderId);
        if (current?.status !== 'paid') return current?.status ?? 'gone';
        await this.deps.orders.changeStatus(tx, {
          orderId,
          to: 'submitted',
          reason: `Sent to ${this.deps.provider.label} for printing (order ${submitted.providerOrderId})`,
          patch: {
            providerOrderId: submitted.providerOrderId,
            fulfillmentProvider: this.deps.provider.name,
            submittedAt: new Date(),
          },
        });
        await recordStep(tx, orderStep(orderId, 'submit_to_fulfillment'), {
          state: 'done',
          ref: submitted.providerOrderId,
        });
        return 'submitted';
      });
      if (outcome === 'cancelled') {
        // Cancelled while we were submitting: take it back from the provider too.
        await this.deps.provider.cancel(externalId).catch((error) => {
          this.deps.logger.warn(
            { err: error, orderId },
            'could not cancel an order cancelled during submission',
          );
        });
      }
      this.deps.poke();
    } catch (error) {
      if (error instanceof FulfillmentError && !error.retryable) {
        await this.fail(orderId, error.message);
        return;
      }
      throw error;
    }
  }

  async poll(job: JobContext<PollJob>): Promise<void> {
    const { orderId, n } = job.payload;
    const order = await this.load(orderId);
    if (!order || !IN_FLIGHT.includes(order.status)) return;
    const update = await this.deps.provider.poll(externalIdOf(orderId));
    if (update) await this.apply(update);
    const after = await this.load(orderId);
    if (after && IN_FLIGHT.includes(after.status)) {
      await schedulePoll(this.deps.jobs, this.deps.db, orderId, n + 1, this.deps.schedule);
    }
  }

  /**
   * Applies what the provider says, walking through any steps it skipped (a poll may find an order
   * already delivered). Updates that are old news change nothing. With an `eventKey` (a webhook),
   * the same delivery is applied at most once.
   */
  async apply(update: FulfillmentUpdate, eventKey?: string): Promise<boolean> {
    const orderId = orderIdOfExternal(update.externalId);
    if (!orderId) return false;
    const order = await this.load(orderId);
    if (!order) return false;
    // Delivered without ever having been seen shipped: fetch the shipment first (outside the transaction).
    const shipment =
      update.kind === 'shipped'
        ? update.shipment
        : update.kind === 'delivered' && !order.tracking
          ? await this.shipmentOf(order)
          : undefined;
    const changed = await this.deps.db.transaction(async (tx) => {
      if (eventKey) {
        const fresh = await tx
          .insert(fulfillmentEvents)
          .values({ eventKey, orderId, kind: update.kind })
          .onConflictDoNothing()
          .returning({ eventKey: fulfillmentEvents.eventKey });
        if (fresh.length === 0) return false;
      }
      const current = await this.deps.orders.lock(tx, orderId);
      if (!current) return false;
      return this.applyLocked(tx, current, update, shipment);
    });
    if (changed) this.deps.poke();
    return changed;
  }

  private async applyLocked(
    tx: Executor,
    order: OrderRow,
    update: FulfillmentUpdate,
    shipment: Shipment | undefined,
  ): Promise<boolean> {
    const status = order.status;
    switch (update.kind) {
      case 'in_production':
      case 'shipped':
      case 'delivered': {
        const from = fulfillmentChain.indexOf(status);
        const target = fulfillmentChain.indexOf(update.kind);
        if (from < 0 || target <= from) return false;
        for (const step of fulfillmentChain.slice(from + 1, target + 1)) {
          const tracking = step === 'shipped' && shipment ? trackingOf(shipment) : undefined;
          await this.deps.orders.changeStatus(tx, {
            orderId: order.id,
            to: step,
            reason: this.reasonFor(step, shipment),
            patch: tracking ? { tracking } : undefined,
          });
        }
        return true;
      }
      case 'failed':
        if (!['paid', 'submitted', 'in_production'].includes(status)) return false;
        await this.deps.orders.changeStatus(tx, {
          orderId: order.id,
          to: 'fulfillment_failed',
          reason: this.withRefundPolicy(update.reason),
          patch: { failureReason: update.reason },
        });
        return true;
      case 'cancelled':
        if (!['pending_payment', 'payment_failed', 'paid', 'submitted', 'in_production'].includes(status))
          return false;
        await this.deps.orders.changeStatus(tx, {
          orderId: order.id,
          to: 'cancelled',
          reason: `${update.reason}; the payment is refunded`,
        });
        return true;
      case 'on_hold':
        this.deps.logger.warn(
          { orderId: order.id, reason: update.reason },
          'order on hold at the manufacturer',
        );
        return false;
    }
  }

  /** Marks a paid order's fulfillment failed with the reason (visible to admins, who can retry). */
  private async fail(orderId: string, reason: string) {
    await this.deps.db.transaction(async (tx) => {
      const current = await this.deps.orders.lock(tx, orderId);
      if (current?.status !== 'paid') return;
      await this.deps.orders.changeStatus(tx, {
        orderId,
        to: 'fulfillment_failed',
        reason: this.withRefundPolicy(reason),
        patch: { failureReason: reason },
      });
      await recordStep(tx, orderStep(orderId, 'submit_to_fulfillment'), { state: 'failed', detail: reason });
    });
    this.deps.poke();
  }

  /** The failure as the history shows it, with when the compensation refunds the order. */
  private withRefundPolicy(reason: string): string {
    const ms = this.deps.schedule.refundAfterMs;
    if (ms === 0) return `${reason}; the payment is refunded`;
    const at = new Date(Date.now() + ms).toISOString();
    return `${reason}; the payment is refunded at ${at} unless the order is retried before then`;
  }

  private async printFilesFor(
    item: typeof orderItems.$inferSelect,
    product: Product,
    baseUrl: string,
    options: PrintOptions,
  ): Promise<Record<string, string>> {
    const file = await this.deps.storage.get(item.artworkKey);
    if (!file)
      throw new FulfillmentError(`The artwork of "${item.designTitle}" is no longer available`, false);
    const art: DesignArtwork = item.artworkKey.endsWith('.svg')
      ? {
          designId: item.designId,
          seed: item.designSeed,
          kind: 'vector',
          tileSvg: file.body.toString('utf8'),
          tileSize: tileSizeOf(file.body.toString('utf8')),
        }
      : { designId: item.designId, seed: item.designSeed, kind: 'raster', png: file.body };
    const keys = await this.deps.printFiles.ensure(art, product, options);
    return Object.fromEntries(
      Object.entries(keys).map(([placement, key]) => [placement, absoluteFileUrl(baseUrl, key)]),
    );
  }

  private async shipmentOf(order: OrderRow): Promise<Shipment | undefined> {
    try {
      return await this.deps.provider.getShipment(externalIdOf(order.id));
    } catch (error) {
      this.deps.logger.warn({ err: error, orderId: order.id }, 'shipment details unavailable');
    }
    return undefined;
  }

  private reasonFor(step: OrderStatus, shipment: Shipment | undefined): string {
    switch (step) {
      case 'in_production':
        return 'Printing has started';
      case 'shipped':
        return shipment
          ? `Shipped with ${shipment.carrier} (tracking ${shipment.trackingNumber})`
          : 'Shipped';
      case 'delivered':
        return 'Delivered';
      default:
        return step;
    }
  }

  private async load(orderId: string): Promise<OrderRow | undefined> {
    const [row] = await this.deps.db.select().from(orders).where(eq(orders.id, orderId));
    return row;
  }
}

const trackingOf = (s: Shipment) => ({
  carrier: s.carrier,
  trackingNumber: s.trackingNumber,
  trackingUrl: s.trackingUrl,
});
