import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from './app.ts';
import { contractSerializerCompiler } from './platform/http/serializers.ts';
import { itemFor, pay, placeOrder, readyDesign } from './modules/orders/testing/commerce-fixtures.ts';
import { checkResponseContracts } from './testing/contract-checks.ts';
import { signUp } from './testing/fixtures.ts';
import { createTestPlatform, type TestPlatform } from './testing/test-app.ts';

// Responses are written by serializers compiled from the contracts, which do not validate: this
// suite drives the API's main paths and checks every response against its Zod contract instead.
describe('response contracts', () => {
  let base: TestPlatform;
  let app: FastifyInstance;
  let contracts: ReturnType<typeof checkResponseContracts>;

  beforeAll(async () => {
    base = await createTestPlatform({ JOBS_POLL_MS: '50' });
    app = await buildApp({ platform: base.platform, webRoot: false });
    contracts = checkResponseContracts(app);
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await base?.cleanup();
  });

  it('every response of the main paths matches its contract', async () => {
    const owner = await signUp(app, 'Owner');
    const visitor = await signUp(app, 'Visitor');
    const design = await readyDesign(app, owner, true);
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers });

    const statuses: Record<string, number> = {};
    const record = async (name: string, reply: Promise<{ statusCode: number }>) => {
      statuses[name] = (await reply).statusCode;
    };
    await record('health', get('/health'));
    await record('ready', get('/ready'));
    await record('config', get('/api/config'));
    await record('me', get('/api/users/me', owner.auth));
    await record('products', get('/api/catalog/products'));
    await record('trends', get('/api/trends'));
    // The gallery twice (filled, then from the cache), anonymous and signed in, and a second page.
    for (let i = 0; i < 2; i++) {
      await record(`gallery ${i}`, get('/api/designs?limit=5'));
      await record(`gallery signed in ${i}`, get('/api/designs?limit=5', visitor.auth));
    }
    await record('mine', get('/api/designs?scope=mine', owner.auth));
    await record('search', get('/api/designs?q=lemons&sort=top'));
    await record('design', get(`/api/designs/${design.id}`));
    await record('versions', get(`/api/designs/${design.id}/versions`, owner.auth));
    await record(
      'like',
      app.inject({ method: 'PUT', url: `/api/designs/${design.id}/like`, headers: visitor.auth }),
    );
    await record('liked gallery', get('/api/designs?limit=5', visitor.auth));
    const order = await placeOrder(app, visitor, [await itemFor(app, design.id, 'tshirt-unisex', 2)]);
    statuses.order = order.statusCode;
    await record('pay', pay(app, visitor, order.json().id));
    await record('orders', get('/api/orders', visitor.auth));
    await record('one order', get(`/api/orders/${order.json().id}`, visitor.auth));
    await record('notifications', get('/api/notifications', visitor.auth));
    // Errors are contracts too.
    await record('not found', get('/api/designs/00000000-0000-4000-8000-000000000000'));
    await record('bad query', get('/api/designs?limit=1000'));
    await record('unauthenticated', get('/api/orders'));

    expect(contracts.violations).toEqual([]);
    expect(statuses).toMatchObject({
      health: 200,
      'gallery 1': 200,
      'gallery signed in 1': 200,
      design: 200,
      order: 201,
      pay: 200,
      'not found': 404,
      'bad query': 400,
      unauthenticated: 401,
    });
    expect(contracts.checked.size).toBeGreaterThanOrEqual(20);
  }, 90_000);

  it('catches a response that breaks its contract', async () => {
    const probe = Fastify();
    const checks = checkResponseContracts(probe);
    probe.get('/thing', { schema: { response: { 200: z.object({ id: z.uuid() }) } } }, async () => ({
      id: 'not-a-uuid',
    }));
    probe.setSerializerCompiler(contractSerializerCompiler);
    await probe.ready();
    expect((await probe.inject('/thing')).json()).toEqual({ id: 'not-a-uuid' });
    expect(checks.violations).toHaveLength(2);
  });
});
