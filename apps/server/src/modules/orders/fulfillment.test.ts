import sharp from 'sharp';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../platform/testing/fake-http-server.ts';
import { signUp, until } from '../../testing/fixtures.ts';
import { createScratchDatabase, env } from '../../testing/services.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';
import { stripeApi } from '../payments/testing/stripe-api.ts';
import { signPrintfulWebhook } from './providers/printful-webhooks.ts';
import { adminSession } from './testing/admin-session.ts';
import { fakePrintful } from './testing/fake-printful.ts';
import {
  getOrder,
  itemFor,
  pay,
  placeOrder,
  printfulStripeEnv,
  readyDesign,
} from './testing/commerce-fixtures.ts';

const WEBHOOK_SECRET = 'url-secret-123';

const printfulEnv = (server: FakeHttpServer) => ({
  ...printfulStripeEnv(server),
  PRINTFUL_WEBHOOK_SECRET: WEBHOOK_SECRET,
});

async function startApp(t: TestPlatform) {
  const app = await buildApp({ platform: t.platform, webRoot: false });
  await app.ready();
  return app;
}

describe('manufacturing with Printful', () => {
  let server: FakeHttpServer;
  let printful: ReturnType<typeof fakePrintful>;
  let dataDir: string;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  let shared: { databaseUrl?: string; dataDir: string };
  let t: TestPlatform;
  let app: FastifyInstance;

  beforeAll(async () => {
    server = await startFakeHttpServer();
    printful = fakePrintful(server);
    stripeApi(server);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'btb-fulfillment-'));
    scratch = env.databaseUrl ? await createScratchDatabase(env.databaseUrl) : undefined;
    shared = { databaseUrl: scratch?.url, dataDir };
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
    await server.close();
    await scratch?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a crash between payment and submission still submits exactly once after restart', async () => {
    t = await createTestPlatform(printfulEnv(server), { shared });
    app = await startApp(t);
    const buyer = await signUp(app, 'Crash');
    const design = await readyDesign(app, buyer);
    // A forged Host header never reaches the print-file URLs: they are built from PUBLIC_URL.
    const order = (
      await placeOrder(app, buyer, [await itemFor(app, design.id, 'tshirt-unisex')], {
        headers: { host: 'attacker.example:8443' },
      })
    ).json();

    // The process "dies" right after the payment commits: no worker ever runs the submission job.
    await t.platform.jobs.stop();
    expect((await pay(app, buyer, order.id)).json().order.status).toBe('paid');
    await app.close();
    await t.cleanup();
    expect(printful.stats.created).toBe(0);

    // A new process on the same data picks the job up.
    t = await createTestPlatform(printfulEnv(server), { shared });
    app = await startApp(t);
    expect(await until(async () => (await getOrder(app, buyer, order.id)).status === 'submitted')).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(printful.stats.created).toBe(1);
    const submitted = await getOrder(app, buyer, order.id);
    expect(submitted.history.filter((h) => h.to === 'submitted')).toHaveLength(1);
    const sent = server.requestsTo('POST', '/orders')[0]!.body;
    expect(sent.external_id).toBe(order.id.replaceAll('-', ''));
    expect(sent.items[0].files[0]).toMatchObject({
      type: 'front',
      url: expect.stringMatching(
        /^https:\/\/shop\.example\.com\/files\/designs\/.+\/print\/tshirt-unisex-front\.png$/,
      ),
    });
  }, 90_000);

  it('applies Printful webhooks once: a replay changes nothing; a bad secret is 400', async () => {
    const buyer = await signUp(app, 'Hooks');
    const design = await readyDesign(app, buyer);
    const order = (await placeOrder(app, buyer, [await itemFor(app, design.id, 'tote-aop')])).json();
    await pay(app, buyer, order.id);
    expect(await until(async () => (await getOrder(app, buyer, order.id)).status === 'submitted')).toBe(true);

    const externalId = order.id.replaceAll('-', '');
    const body = JSON.stringify({
      type: 'package_shipped',
      created: 1_722_456_737,
      retries: 0,
      store: 1,
      data: {
        shipment: {
          id: 77,
          carrier: 'FEDEX',
          service: 'FedEx SmartPost',
          tracking_number: 'TRK777',
          tracking_url: 'https://www.fedex.com/fedextrack/?tracknumbers=TRK777',
          created: 1_722_456_737,
          shipped_at: 1_722_456_737,
        },
        order: { id: 5001, external_id: externalId, status: 'fulfilled' },
      },
    });
    const deliver = (query: string, payload = body, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/webhooks/printful${query}`,
        headers: { 'content-type': 'application/json', ...headers },
        payload,
      });

    const bad = await deliver('?secret=wrong');
    expect(bad.statusCode).toBe(400);
    expect((await getOrder(app, buyer, order.id)).status).toBe('submitted');

    const first = await deliver(`?secret=${WEBHOOK_SECRET}`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, applied: true });
    const shipped = await getOrder(app, buyer, order.id);
    expect(shipped.status).toBe('shipped');
    expect(shipped.tracking).toEqual({
      carrier: 'FEDEX',
      trackingNumber: 'TRK777',
      trackingUrl: 'https://www.fedex.com/fedextrack/?tracknumbers=TRK777',
    });

    const replay = await deliver(`?secret=${WEBHOOK_SECRET}`);
    expect(replay.json()).toEqual({ received: true, applied: false });
    const after = await getOrder(app, buyer, order.id);
    expect(after.history).toEqual(shipped.history);
    expect(after.updatedAt).toBe(shipped.updatedAt);

    // v2: HMAC-SHA256 of the raw body in x-pf-webhook-signature.
    const v2 = JSON.stringify({
      type: 'order_failed',
      occurred_at: '2024-06-10T12:00:00Z',
      data: { reason: 'late', order: { id: 5001, external_id: externalId } },
    });
    const forged = await deliver('', v2, { 'x-pf-webhook-signature': 'deadbeef' });
    expect(forged.statusCode).toBe(400);
    const signed = await deliver('', v2, {
      'x-pf-webhook-signature': signPrintfulWebhook(Buffer.from(v2), WEBHOOK_SECRET),
    });
    expect(signed.statusCode).toBe(200);
    // A failure after shipping is old news.
    expect(signed.json().applied).toBe(false);
    expect((await getOrder(app, buyer, order.id)).status).toBe('shipped');
  }, 60_000);

  it('sends a moved and resized print with its position, and an all-over repeat at its scale', async () => {
    const buyer = await signUp(app, 'Placer');
    const design = await readyDesign(app, buyer);
    const placement = { x: 300, y: 600, width: 900 };
    const order = (
      await placeOrder(app, buyer, [
        { ...(await itemFor(app, design.id, 'tshirt-unisex')), placement },
        { ...(await itemFor(app, design.id, 'tote-aop')), repeat: { scale: 200, rotation: 0 } },
      ])
    ).json();
    await pay(app, buyer, order.id);
    expect(await until(async () => (await getOrder(app, buyer, order.id)).status === 'submitted')).toBe(true);
    const sent = server
      .requestsTo('POST', '/orders')
      .find((r) => r.body.external_id === order.id.replaceAll('-', ''))!.body;
    const [shirt, tote] = sent.items;
    expect(shirt.files).toEqual([
      {
        type: 'front',
        url: expect.stringMatching(/\/print\/tshirt-unisex-front-at-300-600-900\.png$/),
        position: expect.objectContaining({ width: 900, height: 1200, top: 600, left: 300 }),
      },
    ]);
    expect(tote.files).toEqual([
      { type: 'default', url: expect.stringMatching(/\/print\/tote-aop-default-scale-200-turn-0\.png$/) },
    ]);
    // The files behind those URLs are what was chosen: the print at 900×1200 px, the tote's full area.
    const fileOf = async (url: string) =>
      (await t.platform.storage.get(new URL(url).pathname.replace(/^\/files\//, '')))!.body;
    expect(await sharp(await fileOf(shirt.files[0].url)).metadata()).toMatchObject({
      width: 900,
      height: 1200,
    });
    expect(await sharp(await fileOf(tote.files[0].url)).metadata()).toMatchObject({
      width: 2250,
      height: 2250,
    });
    // The order page shows the same placement.
    expect((await getOrder(app, buyer, order.id)).items[0]!.placement).toEqual(placement);
  }, 120_000);

  it('a refused submission ends in fulfillment_failed with the reason; an admin sees it and retries', async () => {
    const buyer = await signUp(app, 'Unlucky');
    const design = await readyDesign(app, buyer);
    const order = (await placeOrder(app, buyer, [await itemFor(app, design.id, 'tote-aop')])).json();
    // Printful refuses the order (a 4xx is not retried, and says nothing about Printful's health).
    printful.stats.failNextWith = { status: 400, message: 'Item 0: Variant 4011 is discontinued' };
    try {
      await pay(app, buyer, order.id);
      expect(
        await until(async () => (await getOrder(app, buyer, order.id)).status === 'fulfillment_failed'),
      ).toBe(true);
    } finally {
      printful.stats.failNextWith = null;
    }
    const failed = await getOrder(app, buyer, order.id);
    expect(failed.failureReason).toMatch(/discontinued/);
    expect(failed.history.at(-1)).toMatchObject({ from: 'paid', to: 'fulfillment_failed' });

    const identity = await adminSession(app);
    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/admin/orders/${order.id}/retry-fulfillment`,
      headers: buyer.auth,
    });
    expect(forbidden.statusCode).toBe(403);
    const listed = await app.inject({
      method: 'GET',
      url: '/api/admin/orders?status=fulfillment_failed',
      headers: identity.auth,
    });
    expect(listed.json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    const retried = await app.inject({
      method: 'POST',
      url: `/api/admin/orders/${order.id}/retry-fulfillment`,
      headers: identity.auth,
    });
    expect(retried.statusCode).toBe(200);
    expect(await until(async () => (await getOrder(app, buyer, order.id)).status === 'submitted')).toBe(true);
  }, 120_000);
});
