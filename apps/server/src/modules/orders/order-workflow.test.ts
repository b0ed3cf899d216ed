import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Order } from '@btb/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { jobs } from '../../platform/jobs/tables.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../platform/testing/fake-http-server.ts';
import { stepsOf } from '../../platform/workflows/workflow-steps.ts';
import { type Session, signUp, until } from '../../testing/fixtures.ts';
import { createScratchDatabase, env } from '../../testing/services.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';
import { HAND_OFF_QUEUE, REFUND_QUEUE } from '../payments/service.ts';
import { payments, refunds } from '../payments/tables.ts';
import { stripeApi } from '../payments/testing/stripe-api.ts';
import { SUBMIT_QUEUE, UNFULFILLED_QUEUE } from './fulfillment-jobs.ts';
import { orderPaymentWorkflow } from './order-workflow.ts';
import {
  getOrder,
  itemFor,
  pay,
  placeOrder,
  printfulStripeEnv,
  readyDesign,
} from './testing/commerce-fixtures.ts';
import { fakePrintful } from './testing/fake-printful.ts';

const workflowEnv = (server: FakeHttpServer) => ({
  ...printfulStripeEnv(server),
  // A failed fulfillment is refunded at once.
  FULFILLMENT_REFUND_AFTER_MS: '0',
});

const times = (order: Order, to: string) => order.history.filter((h) => h.to === to && h.from !== to).length;

describe('the order-payment workflow', () => {
  let server: FakeHttpServer;
  let printful: ReturnType<typeof fakePrintful>;
  let stripe: ReturnType<typeof stripeApi>;
  let dataDir: string;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  let shared: { databaseUrl?: string; dataDir: string };
  let t: TestPlatform | undefined;
  let app: FastifyInstance | undefined;
  let buyer: Session;
  let designId: string;
  /** The order paid by the process that was killed. */
  let crashed: Order;
  /** The order whose submission failed for good. */
  let compensated: Order;

  async function start() {
    t = await createTestPlatform(workflowEnv(server), { shared });
    app = await buildApp({ platform: t.platform, webRoot: false });
    await app.ready();
    return app;
  }
  async function stop() {
    await app?.close();
    await t?.cleanup();
    app = undefined;
    t = undefined;
  }
  const stripeCharges = (orderId: string) =>
    server.requestsTo('POST', '/v1/payment_intents').filter((r) => r.body['metadata[orderId]'] === orderId);

  beforeAll(async () => {
    server = await startFakeHttpServer();
    printful = fakePrintful(server);
    stripe = stripeApi(server);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'btb-order-workflow-'));
    scratch = env.databaseUrl ? await createScratchDatabase(env.databaseUrl) : undefined;
    shared = { databaseUrl: scratch?.url, dataDir };
  });
  afterAll(async () => {
    await stop();
    await server.close();
    await scratch?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a process killed between capture and submission: on restart the order is submitted once, charged once', async () => {
    const first = await start();
    buyer = await signUp(first, 'Crash');
    designId = (await readyDesign(first, buyer)).id;
    const order: Order = (
      await placeOrder(first, buyer, [await itemFor(first, designId, 'tote-aop')])
    ).json();
    // Let go of the database (PGlite allows one process at a time).
    await stop();

    // The child pays; Printful never answers its submission; it is killed while waiting.
    printful.stats.hang = true;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, '../../testing/order-workflow-crash-child.ts')],
      {
        env: {
          ...process.env,
          CHILD_DATABASE_URL: scratch?.url ?? '',
          CHILD_DATA_DIR: dataDir,
          CHILD_CONFIG: JSON.stringify(workflowEnv(server)),
          CHILD_ORDER_ID: order.id,
          CHILD_TOKEN: buyer.token,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    const submissionInFlight = () =>
      server
        .requestsTo('POST', '/orders')
        .some((r) => (r.body as { external_id: string }).external_id === order.id.replaceAll('-', ''));
    expect(await until(submissionInFlight, 60_000)).toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).toContain('PAID 200 paid');
    expect(printful.stats.creations.get(order.id.replaceAll('-', ''))).toBeUndefined();

    // A new process on the same data takes the submission over once its lease runs out.
    printful.stats.hang = false;
    const restarted = await start();
    expect(
      await until(async () => (await getOrder(restarted, buyer, order.id)).status === 'submitted', 60_000),
    ).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    crashed = await getOrder(restarted, buyer, order.id);
    expect(printful.stats.creations.get(order.id.replaceAll('-', ''))).toBe(1);
    expect(stripeCharges(order.id)).toHaveLength(1);
    expect(times(crashed, 'paid')).toBe(1);
    expect(times(crashed, 'submitted')).toBe(1);
    const rows = await t!.platform.database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows.map((r) => r.status)).toEqual(['succeeded']);
    const steps = await stepsOf(t!.platform.database.db, orderPaymentWorkflow.name, order.id);
    expect(steps.map((s) => [s.step, s.state])).toEqual([
      ['capture_payment', 'done'],
      ['mark_paid', 'done'],
      ['submit_to_fulfillment', 'done'],
    ]);
    expect(steps.find((s) => s.step === 'mark_paid')!.ref).toBe(rows[0]!.id);
  }, 180_000);

  it('a submission the manufacturer refuses for good is compensated: cancelled and refunded once', async () => {
    const current = app ?? (await start());
    const order: Order = (
      await placeOrder(current, buyer, [await itemFor(current, designId, 'tote-aop')])
    ).json();
    const refundsBefore = stripe.created.refunds;
    printful.stats.failNextWith = { status: 400, message: 'Item 0: Variant 4011 is discontinued' };
    try {
      const paid = await pay(current, buyer, order.id);
      expect(paid.statusCode).toBe(200);
      expect(paid.json().payment.status).toBe('succeeded');
      expect(
        await until(async () => {
          const o = await getOrder(current, buyer, order.id);
          return o.status === 'cancelled' && o.refundedCents === order.totalCents;
        }, 30_000),
      ).toBe(true);
    } finally {
      printful.stats.failNextWith = null;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    compensated = await getOrder(current, buyer, order.id);
    expect(compensated.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'pending_payment'],
      ['pending_payment', 'paid'],
      ['paid', 'fulfillment_failed'],
      ['fulfillment_failed', 'cancelled'],
      ['cancelled', 'cancelled'],
    ]);
    expect(compensated.failureReason).toMatch(/discontinued/);
    expect(compensated.history[2]!.reason).toMatch(/discontinued; the payment is refunded/);
    expect(compensated.history[3]!.reason).toMatch(/Could not be manufactured .*discontinued.*refunded/);
    expect(compensated.history[4]!.reason).toMatch(/^Payment refunded: \d+\.\d\d USD$/);
    expect(stripe.created.refunds - refundsBefore).toBe(1);
    const db = t!.platform.database.db;
    expect(await db.select().from(refunds).where(eq(refunds.orderId, order.id))).toHaveLength(1);
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment).toMatchObject({ status: 'refunded', refundedCents: order.totalCents });
    const steps = await stepsOf(db, orderPaymentWorkflow.name, order.id);
    expect(Object.fromEntries(steps.map((s) => [s.step, s.state]))).toEqual({
      capture_payment: 'done',
      mark_paid: 'done',
      submit_to_fulfillment: 'compensated',
      cancel_unfulfilled: 'done',
      refund_payment: 'done',
    });
    // Nothing is manufactured, and the cancelled order cannot be paid again.
    expect(printful.stats.creations.get(order.id.replaceAll('-', ''))).toBeUndefined();
    expect((await pay(current, buyer, order.id)).statusCode).toBe(422);
  }, 120_000);

  it('every step run again does nothing twice', async () => {
    const current = app ?? (await start());
    const { platform } = t!;
    const db = platform.database.db;
    const paymentOf = async (orderId: string) =>
      (await db.select().from(payments).where(eq(payments.orderId, orderId)))[0]!;
    const paid = await paymentOf(crashed.id);
    const refunded = await paymentOf(compensated.id);
    const stepsBefore = {
      crashed: await stepsOf(db, orderPaymentWorkflow.name, crashed.id),
      compensated: await stepsOf(db, orderPaymentWorkflow.name, compensated.id),
    };
    const chargesBefore = stripe.created.intents;
    const refundsBefore = stripe.created.refunds;
    const creationsBefore = printful.stats.created;

    // Each step's job, enqueued again by hand: capture's hand-off (→ mark paid), submission and
    // the compensation's cancel for both orders, and the refund of the compensated one.
    const again = [
      [HAND_OFF_QUEUE, { paymentId: paid.id, reason: 'Payment received' }],
      [SUBMIT_QUEUE, { orderId: crashed.id }],
      [UNFULFILLED_QUEUE, { orderId: crashed.id }],
      [HAND_OFF_QUEUE, { paymentId: refunded.id, reason: 'Payment received' }],
      [SUBMIT_QUEUE, { orderId: compensated.id }],
      [UNFULFILLED_QUEUE, { orderId: compensated.id }],
      [REFUND_QUEUE, { paymentId: refunded.id }],
    ] as const;
    const ids: number[] = [];
    for (const [queue, payload] of again) ids.push((await platform.jobs.enqueue(queue, payload))!);
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect(
      await until(async () => {
        const rows = await Promise.all(ids.map((id) => db.select().from(jobs).where(eq(jobs.id, id))));
        return rows.every(([row]) => row?.status === 'completed');
      }, 30_000),
    ).toBe(true);
    // Paying again is refused: the capture step does not run twice either.
    expect((await pay(current, buyer, crashed.id)).statusCode).toBe(422);

    const afterCrashed = await getOrder(current, buyer, crashed.id);
    const afterCompensated = await getOrder(current, buyer, compensated.id);
    expect(afterCrashed.history).toEqual(crashed.history);
    expect(afterCrashed.status).toBe('submitted');
    expect(afterCrashed.refundedCents).toBe(0);
    expect(afterCompensated.history).toEqual(compensated.history);
    expect(afterCompensated.refundedCents).toBe(compensated.totalCents);
    expect(await stepsOf(db, orderPaymentWorkflow.name, crashed.id)).toEqual(stepsBefore.crashed);
    expect(await stepsOf(db, orderPaymentWorkflow.name, compensated.id)).toEqual(stepsBefore.compensated);
    expect(stripe.created.intents).toBe(chargesBefore);
    expect(stripe.created.refunds).toBe(refundsBefore);
    expect(printful.stats.created).toBe(creationsBefore);
    expect(await db.select().from(refunds).where(eq(refunds.orderId, compensated.id))).toHaveLength(1);
  }, 60_000);
});
