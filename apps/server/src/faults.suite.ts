import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usAddress } from './modules/orders/testing/commerce-fixtures.ts';
import { fakePrintful, PRINTFUL_TOKEN } from './modules/orders/testing/fake-printful.ts';
import {
  STRIPE_TEST_SECRET_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  stripeApi,
} from './modules/payments/testing/stripe-api.ts';
import { type FakeHttpServer, startFakeHttpServer } from './platform/testing/fake-http-server.ts';
import { buildServer, request, ServerProcess } from './testing/cluster.ts';
import { freePort, PrivatePostgres, PrivateServer } from './testing/private-servers.ts';

/**
 * Faults while work arrives: private PostgreSQL, Redis and NATS on free ports, one `--role api`
 * and one `--role worker` process of the production build, and a local Printful. Each fault runs
 * while buyers create designs and pay orders; afterwards every accepted design (202) must reach
 * `ready` and every paid order (200) must reach Printful exactly once, with no process exiting on
 * its own. Run alone: `npm run test:faults`.
 */
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTLE_MS = 150_000;

interface Buyer {
  token: string;
  designId: string;
  variantId: string;
}

interface Row {
  fault: string;
  accepted: number;
  lost: number;
  duplicated: number;
  exits: number;
}

const externalId = (orderId: string) => orderId.replaceAll('-', '');

describe('faults under load', () => {
  const stops: (() => Promise<unknown>)[] = [];
  const rows: Row[] = [];
  let dir: string;
  let postgres: PrivatePostgres;
  let redis: PrivateServer;
  let nats: PrivateServer;
  let printfulServer: FakeHttpServer;
  let printful: ReturnType<typeof fakePrintful>;
  let api: ServerProcess;
  let worker: ServerProcess;

  const exits = () => api.unexpectedExits + worker.unexpectedExits;

  /** A process that exited on its own is started again, as a supervisor would. */
  async function supervise() {
    for (const server of [api, worker]) if (!server.running) await server.start();
  }

  async function signUpBuyer(name: string): Promise<Buyer> {
    const email = `${name}-${Date.now()}@example.com`;
    const registered = await request(`${api.url}/api/auth/register`, {
      method: 'POST',
      body: { email, password: 'correct horse battery staple', name },
    });
    expect(registered.status, registered.text).toBe(201);
    const token = registered.body.accessToken as string;
    const created = await request(`${api.url}/api/designs`, {
      method: 'POST',
      token,
      body: {
        title: 'fixture',
        prompt: 'small coral lemons on navy linen',
        category: 'shirt',
        style: 'casual',
      },
    });
    expect(created.status, created.text).toBe(202);
    const designId = created.body.id as string;
    await settle(`design ${designId}`, async () => {
      const r = await request(`${api.url}/api/designs/${designId}`, { token });
      return r.body.status === 'ready';
    });
    const products = (await request(`${api.url}/api/catalog/products`)).body.items as {
      id: string;
      variants: { id: string }[];
    }[];
    const variantId = products.find((p) => p.id === 'tshirt-unisex')!.variants[0]!.id;
    return { token, designId, variantId };
  }

  async function settle(what: string, done: () => Promise<boolean>, timeoutMs = SETTLE_MS) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await done().catch(() => false)) return true;
      await delay(250);
    }
    console.warn(`faults: ${what} did not settle in ${timeoutMs} ms`);
    return false;
  }

  /** Designs and paid orders, one after the other, until stopped; only 2xx answers count as accepted. */
  function workload(buyer: Buyer) {
    const accepted = { designs: [] as string[], orders: [] as string[] };
    let running = true;
    const loop = async () => {
      let n = 0;
      while (running) {
        n++;
        // A design every third round: generation is the slow part, and what counts is that some
        // arrive during the fault, not how many.
        const design = await (n % 3 !== 1
          ? undefined
          : request(`${api.url}/api/designs`, {
              method: 'POST',
              token: buyer.token,
              timeoutMs: 10_000,
              body: {
                title: `load ${n}`,
                prompt: `small repeating leaves number ${n}`,
                category: 'shirt',
                style: 'casual',
              },
            }).catch(() => undefined));
        if (design?.status === 202) accepted.designs.push(design.body.id);
        const order = await request(`${api.url}/api/orders`, {
          method: 'POST',
          token: buyer.token,
          timeoutMs: 10_000,
          body: {
            items: [
              {
                designId: buyer.designId,
                productId: 'tshirt-unisex',
                variantId: buyer.variantId,
                quantity: 1,
              },
            ],
            shippingAddress: usAddress,
          },
        }).catch(() => undefined);
        if (order?.status === 201) {
          const paid = await request(`${api.url}/api/orders/${order.body.id}/pay`, {
            method: 'POST',
            token: buyer.token,
            timeoutMs: 10_000,
            body: { paymentMethod: 'pm_card_visa' },
          }).catch(() => undefined);
          if (paid?.status === 200) accepted.orders.push(order.body.id);
        }
        await delay(300);
      }
    };
    const loops = [loop()];
    return {
      accepted,
      stop: async () => {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  /** Runs the workload around a fault, waits for recovery and counts what was lost or doubled. */
  async function underLoad(
    fault: string,
    inject: (work: { designs: string[]; token: string }) => Promise<void>,
  ): Promise<Row> {
    const exitsBefore = exits();
    const buyer = await signUpBuyer(fault.split(' ')[0]!.toLowerCase());
    const load = workload(buyer);
    await delay(1_500);
    try {
      await inject({ designs: load.accepted.designs, token: buyer.token });
    } finally {
      await delay(1_500);
      await load.stop();
    }
    await supervise();
    const { designs, orders } = load.accepted;
    const designStatus = new Map<string, string>();
    const orderHistory = new Map<string, { to: string }[]>();
    await settle(`${fault}: accepted work`, async () => {
      for (const id of designs) {
        if (designStatus.get(id) === 'ready') continue;
        const r = await request(`${api.url}/api/designs/${id}`, { token: buyer.token });
        designStatus.set(id, r.body.status);
      }
      return (
        designs.every((id) => designStatus.get(id) === 'ready') &&
        orders.every((id) => printful.orders.has(externalId(id)))
      );
    });
    for (const id of orders) {
      const r = await request(`${api.url}/api/orders/${id}`, { token: buyer.token });
      orderHistory.set(id, r.body.history ?? []);
    }
    const mine: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await request(
        `${api.url}/api/designs?scope=mine&limit=60${cursor ? `&cursor=${cursor}` : ''}`,
        { token: buyer.token },
      );
      mine.push(...page.body.items.map((d) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const lost =
      designs.filter((id) => designStatus.get(id) !== 'ready').length +
      orders.filter((id) => !printful.orders.has(externalId(id))).length;
    const duplicated =
      // Designs the buyer has beyond the accepted ones and the fixture.
      Math.max(0, mine.length - designs.length - 1) +
      orders.filter((id) => (printful.stats.creations.get(externalId(id)) ?? 0) > 1).length +
      orders.filter((id) => (orderHistory.get(id) ?? []).filter((h) => h.to === 'submitted').length > 1)
        .length;
    const row = {
      fault,
      accepted: designs.length + orders.length,
      lost,
      duplicated,
      exits: exits() - exitsBefore,
    };
    rows.push(row);
    console.log(`faults: ${JSON.stringify(row)}`);
    return row;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'btb-faults-'));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    [postgres, redis, nats, printfulServer] = await Promise.all([
      PrivatePostgres.create(),
      PrivateServer.create('redis'),
      PrivateServer.create('nats'),
      startFakeHttpServer(),
    ]);
    stops.push(
      () => postgres.dispose(),
      () => redis.dispose(),
      () => nats.dispose(),
      () => printfulServer.close(),
    );
    printful = fakePrintful(printfulServer);
    // Real manufacturing is never paid through the test gateway: Stripe's wire format, locally.
    stripeApi(printfulServer);
    const apiPort = await freePort();
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      NATS_URL: nats.url,
      JWT_SECRET: 'faults-secret-faults-secret-0123456789abcdef',
      DATA_DIR: dir,
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      FULFILLMENT_PROVIDER: 'printful',
      PRINTFUL_TOKEN,
      PRINTFUL_BASE_URL: printfulServer.url,
      PRINTFUL_WEBHOOK_SECRET: 'faults-webhook-secret',
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: STRIPE_TEST_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
      STRIPE_API_BASE: printfulServer.url,
      FULFILLMENT_RETRY_BACKOFF_MS: '200',
      OUTBOX_POLL_MS: '100',
      JOBS_POLL_MS: '100',
      GENERATION_LEASE_MS: '5000',
      RATE_LIMIT_API_MAX: '1000000',
      RATE_LIMIT_AUTH_MAX: '1000000',
      RATE_LIMIT_DESIGNS_PER_HOUR: '1000000',
    };
    await buildServer();
    api = new ServerProcess('api', 'api', apiPort, env, path.join(dir, 'api.log'));
    worker = new ServerProcess('worker', 'worker', await freePort(), env, path.join(dir, 'worker.log'));
    stops.push(
      () => api.kill(),
      () => worker.kill(),
    );
    await Promise.all([api.start(), worker.start()]);
  }, 300_000);

  afterAll(async () => {
    if (rows.length) console.table(rows);
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }, 120_000);

  /** Stops a server, keeps it down for a while under load, and starts it again whatever happens. */
  const outage =
    (stop: () => Promise<unknown>, start: () => Promise<unknown>, downMs: number) => async () => {
      await stop();
      try {
        await delay(downMs);
      } finally {
        await start();
      }
    };

  const faults: { name: string; inject: (work: { designs: string[]; token: string }) => Promise<void> }[] = [
    {
      name: 'Redis down, then up',
      inject: outage(
        () => redis.stop(),
        () => redis.start(),
        3_000,
      ),
    },
    {
      name: 'NATS down, then up',
      inject: outage(
        () => nats.stop(),
        () => nats.start(),
        3_000,
      ),
    },
    {
      name: 'PostgreSQL restarted',
      inject: outage(
        () => postgres.stop('fast'),
        () => postgres.start(),
        2_000,
      ),
    },
    {
      name: 'worker kill -9 mid-job, then restarted',
      inject: async ({ designs, token }) => {
        // Kill while a generation is in progress, so the job dies half done.
        const generating = await settle(
          'a generation in progress',
          async () => {
            for (const id of designs.slice(-4)) {
              const r = await request(`${api.url}/api/designs/${id}`, { token });
              if (r.body.status === 'generating') return true;
            }
            return false;
          },
          20_000,
        );
        expect(generating).toBe(true);
        await outage(
          () => worker.kill('SIGKILL'),
          () => worker.start(),
          1_000,
        )();
      },
    },
    {
      name: 'Printful 5xx storm',
      inject: outage(
        async () => {
          printful.stats.storm = 503;
        },
        async () => {
          printful.stats.storm = null;
        },
        4_000,
      ),
    },
    {
      name: 'Printful order created, response lost',
      inject: async () => {
        // Long enough for a circuit opened by an earlier outage to close again.
        printful.stats.loseResponses = 3;
        try {
          await settle('three lost responses', async () => printful.stats.loseResponses === 0, 90_000);
          expect(printful.stats.loseResponses).toBe(0);
        } finally {
          printful.stats.loseResponses = 0;
        }
      },
    },
  ];

  for (const fault of faults) {
    it(fault.name, async () => {
      const row = await underLoad(fault.name, fault.inject);
      expect(row.accepted, `${row.fault}: no work was accepted`).toBeGreaterThan(0);
      expect({ lost: row.lost, duplicated: row.duplicated, exits: row.exits }, row.fault).toEqual({
        lost: 0,
        duplicated: 0,
        exits: 0,
      });
    }, 300_000);
  }
});
