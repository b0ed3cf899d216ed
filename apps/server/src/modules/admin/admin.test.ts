import { adminStatsSchema } from '@btb/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getOrder, itemFor, pay, placeOrder, readyDesign } from '../orders/testing/commerce-fixtures.ts';
import { adminSession } from '../orders/testing/admin-session.ts';

describe('admin stats and public config', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        JOBS_POLL_MS: '50',
        SIMULATOR_STEP_MS: '60000',
        MAPBOX_TOKEN: 'sk.secret',
        MAPBOX_BASE_URL: 'http://127.0.0.1:9',
      },
    });
  });
  afterAll(() => t.close());

  it('GET /api/config gives the web app its public settings, never a secret token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mapboxToken: null, paymentProvider: 'test', stripePublishableKey: null });
  });

  it('GET /api/admin/stats: designs and orders per day, generation timing, totals; admins only', async () => {
    const buyer = await signUp(t.app, 'Stats');
    const design = await readyDesign(t.app, buyer);
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, design.id, 'tote-aop')])).json();
    await pay(t.app, buyer, order.id);
    await until(async () => (await getOrder(t.app, buyer, order.id)).status === 'submitted');

    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/stats', headers: buyer.auth })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/stats' })).statusCode).toBe(401);

    const admin = await adminSession(t.app);
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/stats', headers: admin.auth });
    expect(res.statusCode).toBe(200);
    const stats = adminStatsSchema.parse(res.json());
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.designsPerDay).toContainEqual({ day: today, count: 1 });
    expect(stats.ordersPerDay).toContainEqual({ day: today, count: 1, revenueCents: order.totalCents });
    expect(stats.totals).toEqual({ users: 2, designs: 1, orders: 1, revenueCents: order.totalCents });
    expect(stats.generation.completed).toBe(1);
    expect(stats.generation.p50Ms).toBeGreaterThan(0);
    expect(stats.generation.p99Ms).toBeGreaterThanOrEqual(stats.generation.p50Ms);
    expect(stats.errorRate).toBeGreaterThanOrEqual(0);
    expect(stats.errorRate).toBeLessThan(1);
  }, 60_000);
});
