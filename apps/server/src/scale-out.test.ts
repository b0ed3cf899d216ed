import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, type Reply, request } from './testing/cluster.ts';
import { usAddress } from './modules/orders/testing/commerce-fixtures.ts';

/**
 * Scale-out, end to end: a PostgreSQL primary and streaming replica, Redis, NATS JetStream, three
 * `--role api` processes and one `--role worker` of the same build, behind Debian's nginx running
 * deploy/nginx.conf. It takes minutes, so `npm test` leaves it out: `npm run test:scale-out` runs it
 * alone (vitest.scale-out.config.ts).
 */

const design = (title: string, isPublic = true) => ({
  title,
  prompt: `a ${title} pattern of small repeating leaves`,
  category: 'shirt',
  style: 'casual',
  isPublic,
});

/** Mixed load on three healthy instances, then with one of them killed a third of the way in. */
const STEADY_LOAD_MS = Number(process.env.SCALE_OUT_LOAD_S ?? 30) * 1000;
const KILL_LOAD_MS = 9_000;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

const figures: { check: string; measure: string; value: string | number }[] = [];
const record = (check: string, values: Record<string, string | number>) => {
  for (const [measure, value] of Object.entries(values)) figures.push({ check, measure, value });
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

describe('scale-out: three API instances and a worker behind nginx', () => {
  const cluster = new Cluster();
  let edge: string;
  /** Messages on the bus per eventId, and the last outbox row written before counting began. */
  let relayed: Map<string, number>;
  let outboxBefore = 0;
  let nextAddress = 10;
  /** Each simulated client gets its own loopback address, as distinct visitors would have. */
  const newAddress = () => `127.0.0.${nextAddress++}`;

  async function signUp(name: string) {
    const from = newAddress();
    const email = `${name}-${Date.now()}@example.com`;
    const reply = await request(`${edge}/api/auth/register`, {
      method: 'POST',
      from,
      body: { email, password: 'correct horse battery staple', name },
    });
    expect(reply.status, reply.text).toBe(201);
    return {
      email,
      from,
      token: reply.body.accessToken as string,
      refresh: reply.body.refreshToken as string,
    };
  }

  beforeAll(async () => {
    try {
      await cluster.start(3);
    } catch (error) {
      await cluster.dispose();
      throw error;
    }
    edge = cluster.nginx.url;
    relayed = await cluster.watchEvents();
    const [last] = await cluster.sql<{ id: string | null }>('select max(id) as id from platform.outbox');
    outboxBefore = Number(last?.id ?? 0);
  }, 300_000);

  afterAll(async () => {
    await cluster.dispose();
    if (figures.length) console.table(figures);
  }, 120_000);

  it('accepts a sign-in made on one instance on every other one', async () => {
    const user = await signUp('tokens');
    for (const api of cluster.apis) {
      const me = await request(`${api.url}/api/users/me`, { token: user.token });
      expect(me.status, `${api.name}: ${me.text}`).toBe(200);
    }
  });

  it('rotates refresh tokens across instances and revokes the family on reuse elsewhere', async () => {
    const user = await signUp('refresh');
    const [a, b, c] = cluster.apis;
    const first = await request(`${a!.url}/api/auth/refresh`, {
      method: 'POST',
      body: { refreshToken: user.refresh },
    });
    expect(first.status, first.text).toBe(200);
    const rotated = first.body.refreshToken as string;
    expect(rotated).not.toBe(user.refresh);
    // The old token, replayed on another instance, is reuse: the whole family is revoked.
    const reuse = await request(`${b!.url}/api/auth/refresh`, {
      method: 'POST',
      body: { refreshToken: user.refresh },
    });
    expect(reuse.status).toBe(401);
    const afterReuse = await request(`${c!.url}/api/auth/refresh`, {
      method: 'POST',
      body: { refreshToken: rotated },
    });
    expect(afterReuse.status).toBe(401);
  });

  it('shares the auth limit between instances, and a made-up X-Forwarded-For does not reset it', async () => {
    const from = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const reply = await request(`${edge}/api/auth/login`, {
        method: 'POST',
        from,
        // A different made-up address and a different account on every attempt.
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        body: { email: `nobody-${i}@example.com`, password: 'wrong password' },
      });
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Another client (another address) still has its own budget.
    const other = await request(`${edge}/api/auth/login`, {
      method: 'POST',
      from: newAddress(),
      body: { email: 'nobody@example.com', password: 'wrong password' },
    });
    expect(other.status).toBe(401);
    record('auth limit through nginx, 8 made-up X-Forwarded-For', {
      requests: 9,
      '429s': statuses.filter((s) => s === 429).length,
    });
  });

  it('keeps /metrics and /docs internal at the edge', async () => {
    expect((await request(`${edge}/metrics`, { from: newAddress() })).status).toBe(403);
    expect((await request(`${edge}/docs`, { from: newAddress() })).status).toBe(403);
    expect((await request(`${edge}/api/catalog/products`, { from: newAddress() })).status).toBe(200);
  });

  it('generates on the worker a design created on an API instance, with progress streamed through nginx', async () => {
    const user = await signUp('studio');
    const created = await request(`${cluster.apis[0]!.url}/api/designs`, {
      method: 'POST',
      token: user.token,
      body: design('streamed'),
    });
    expect(created.status, created.text).toBe(202);
    const { events, requestId } = await sse(
      `${edge}/api/designs/${created.body.id}/events?access_token=${user.token}`,
    );
    // nginx's $request_id (32 hex digits) reached the instance that answered the stream.
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    const statuses = events.map((e) => e.status);
    expect(statuses.at(-1)).toBe('ready');
    expect(events.some((e) => e.status !== 'ready')).toBe(true);
    const done = await request(`${cluster.apis[2]!.url}/api/designs/${created.body.id}`, {
      token: user.token,
    });
    expect(done.body.status).toBe('ready');
  }, 60_000);

  it('takes an order once across instances, pays it and follows it to delivered through the simulator, with notifications', async () => {
    const buyer = await signUp('buyer');
    const [a, b, c] = cluster.apis;
    const created = await request(`${a!.url}/api/designs`, {
      method: 'POST',
      token: buyer.token,
      body: design('boxed'),
    });
    const designId = created.body.id as string;
    await until('generation', async () => {
      const r = await request(`${edge}/api/designs/${designId}`, { token: buyer.token });
      return r.body.status === 'ready' ? true : undefined;
    });
    const products = (await request(`${edge}/api/catalog/products`)).body.items as {
      id: string;
      variants: { id: string }[];
    }[];
    const product = products.find((p) => p.id === 'tshirt-unisex') ?? products[0]!;
    const order = {
      items: [{ designId, productId: product.id, variantId: product.variants[0]!.id, quantity: 1 }],
      shippingAddress: usAddress,
    };
    const key = { 'idempotency-key': `scale-out-${Date.now()}` };
    const first = await request(`${a!.url}/api/orders`, {
      method: 'POST',
      token: buyer.token,
      headers: key,
      body: order,
    });
    expect(first.status, first.text).toBe(201);
    // The same checkout retried on another instance is the same order.
    const retried = await request(`${b!.url}/api/orders`, {
      method: 'POST',
      token: buyer.token,
      headers: key,
      body: order,
    });
    expect(retried.body.id).toBe(first.body.id);
    const paid = await request(`${c!.url}/api/orders/${first.body.id}/pay`, {
      method: 'POST',
      token: buyer.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(paid.status, paid.text).toBe(200);
    const delivered = await until(
      'delivery',
      async () => {
        const r = await request(`${edge}/api/orders/${first.body.id}`, { token: buyer.token });
        return r.body.status === 'delivered' ? r.body : undefined;
      },
      60_000,
    );
    expect(delivered.history.map((h: { to: string }) => h.to)).toEqual([
      'pending_payment',
      'paid',
      'submitted',
      'in_production',
      'shipped',
      'delivered',
    ]);
    const types = await until('the delivery notification', async () => {
      const r = await request(`${edge}/api/notifications?limit=50`, { token: buyer.token });
      const list = (r.body.items as { type: string }[]).map((n) => n.type);
      return list.includes('order_delivered') ? list : undefined;
    });
    expect(types).toEqual(expect.arrayContaining(['order_paid', 'order_shipped', 'order_delivered']));
    // Each notification once, though every API instance and the worker share the bus.
    expect(types.filter((t) => t === 'order_delivered')).toHaveLength(1);
  }, 120_000);

  it('shows a write made on one instance on the others within a second, even one started while Redis was down', async () => {
    const user = await signUp('writer');
    const created = await request(`${cluster.apis[0]!.url}/api/designs`, {
      method: 'POST',
      token: user.token,
      body: design('before'),
    });
    const id = created.body.id as string;
    await until('generation', async () => {
      const r = await request(`${cluster.apis[0]!.url}/api/designs/${id}`, { token: user.token });
      return r.body.status === 'ready' ? true : undefined;
    });

    // A fourth instance starts while Redis is down; Redis comes back afterwards.
    await cluster.redis.stop();
    const late = cluster.server(
      'api-late',
      'api',
      await (await import('./testing/private-servers.ts')).freePort(),
    );
    await late.start();
    await cluster.redis.start();
    const readers = [...cluster.apis.slice(1), late];
    await until('every instance ready again', async () => {
      for (const api of [...cluster.apis, late]) {
        // /ready stays 200 while Redis is down: wait for the cache's subscription itself.
        const ready = await request(`${api.url}/ready`);
        if (ready.status !== 200 || !ready.body.checks.cache.ok) return undefined;
      }
      return true;
    });

    // Warm every reader's caches (design page and gallery), anonymously.
    const galleryUrl = `/api/designs?q=${encodeURIComponent('before')}`;
    for (const api of readers) {
      expect((await request(`${api.url}/api/designs/${id}`)).body.title).toBe('before');
      await request(`${api.url}${galleryUrl}`);
    }
    const renamed = await request(`${cluster.apis[0]!.url}/api/designs/${id}`, {
      method: 'PATCH',
      token: user.token,
      body: { title: 'after' },
    });
    expect(renamed.status, renamed.text).toBe(200);
    // From the moment the write is acknowledged.
    const started = Date.now();
    const seenAfter: Record<string, number> = {};
    await Promise.all(
      readers.map((api) =>
        until(
          `${api.name} to show the new title`,
          async () => {
            const page = await request(`${api.url}/api/designs/${id}`);
            const gallery = await request(`${api.url}${galleryUrl}`);
            const inGallery = (gallery.body.items as { id: string; title: string }[]).find(
              (d) => d.id === id,
            );
            if (page.body.title !== 'after' || (inGallery && inGallery.title !== 'after')) return undefined;
            seenAfter[api.name] = Date.now() - started;
            return true;
          },
          10_000,
        ),
      ),
    );
    record('rename visible on the other instances (ms)', seenAfter);
    for (const [name, ms] of Object.entries(seenAfter)) expect(ms, name).toBeLessThan(1000);
    const ready = await request(`${late.url}/ready`);
    expect(ready.body.checks.cache.ok).toBe(true);
    await late.kill('SIGTERM');
  }, 120_000);

  it('serves anonymous gallery reads from the replica, the author reads their own writes, and falls back when the replica stops', async () => {
    const user = await signUp('replica');
    const token = `replica${Date.now()}`;
    await cluster.sql('select pg_wal_replay_pause()', cluster.postgres.replicaUrl);
    try {
      const created = await request(`${edge}/api/designs`, {
        method: 'POST',
        token: user.token,
        body: design(token),
      });
      expect(created.status).toBe(202);
      const mine = await request(`${edge}/api/designs?scope=mine`, { token: user.token });
      expect((mine.body.items as { id: string }[]).some((d) => d.id === created.body.id)).toBe(true);
      // The anonymous search reads the paused replica: the design is not there yet.
      await until('generation on the primary', async () => {
        const r = await request(`${edge}/api/designs/${created.body.id}`, { token: user.token });
        return r.body.status === 'ready' ? true : undefined;
      });
      const search = await request(`${edge}/api/designs?q=${token}`, {
        from: newAddress(),
        headers: { 'cache-control': 'no-cache' },
      });
      expect(search.status).toBe(200);
      expect(search.body.items).toHaveLength(0);
    } finally {
      await cluster.sql('select pg_wal_replay_resume()', cluster.postgres.replicaUrl);
    }
    await until('the replica to catch up', async () => {
      const r = await request(`${edge}/api/designs?q=${token}`, { headers: { 'cache-control': 'no-cache' } });
      return r.body.items?.length === 1 ? true : undefined;
    });

    await cluster.postgres.stopReplica();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await request(`${edge}/api/designs?q=${token}`, {
          headers: { 'cache-control': 'no-cache' },
        });
        statuses.push(r.status);
        expect(r.body.items).toHaveLength(1);
      }
      expect(statuses.every((s) => s === 200)).toBe(true);
      const ready = await until('/ready to name the replica', async () => {
        const r = await request(`${cluster.apis[0]!.url}/ready`);
        return (r.body.degraded as string[] | undefined)?.length ? r : undefined;
      });
      expect(ready.status).toBe(200);
      expect(ready.body.degraded[0]).toContain(String(cluster.postgres.replicaPort));
    } finally {
      await cluster.postgres.startReplica();
    }
  }, 120_000);

  it('answers mixed load on three instances without errors, and loses or duplicates no acknowledged write when one is killed', async () => {
    const clients = await Promise.all([1, 2, 3].map((i) => signUp(`load${i}`)));
    const run = `load${Date.now()}`;
    const acknowledged = new Set<string>();
    const phases = {
      steady: { requests: 0, writes: 0, reads: 0, errors: 0 },
      kill: { requests: 0, writes: 0, reads: 0, errors: 0 },
    };
    let phase: keyof typeof phases = 'steady';
    const victim = cluster.apis[1]!;
    let sequence = 0;
    const load = (ms: number) => {
      const end = Date.now() + ms;
      return Promise.all(
        clients.flatMap((client) => [
          (async () => {
            while (Date.now() < end) {
              const title = `${run}-${sequence++}`;
              const tally = phases[phase];
              tally.requests++;
              tally.writes++;
              const r: Reply | undefined = await request(`${edge}/api/designs`, {
                method: 'POST',
                token: client.token,
                from: client.from,
                body: design(title, false),
              }).catch(() => undefined);
              if (r?.status === 202) acknowledged.add(title);
              else tally.errors++;
            }
          })(),
          (async () => {
            while (Date.now() < end) {
              const tally = phases[phase];
              tally.requests++;
              tally.reads++;
              const r = await request(`${edge}/api/designs?limit=12`, { from: client.from }).catch(
                () => undefined,
              );
              if (r?.status !== 200) tally.errors++;
            }
          })(),
        ]),
      );
    };
    await load(STEADY_LOAD_MS);
    phase = 'kill';
    await Promise.all([load(KILL_LOAD_MS), delay(KILL_LOAD_MS / 3).then(() => victim.kill('SIGKILL'))]);
    const rows = await cluster.sql<{ title: string; n: string }>(
      `select title, count(*) as n from designs.designs where title like '${run}-%' group by title`,
    );
    const stored = new Map(rows.map((r) => [r.title, Number(r.n)]));
    const lost = [...acknowledged].filter((t) => !stored.has(t)).length;
    const duplicated = rows.filter((r) => Number(r.n) > 1).length;
    record(`mixed load, 3 instances, ${STEADY_LOAD_MS / 1000} s`, phases.steady);
    record(`mixed load, ${victim.name} killed ${KILL_LOAD_MS / 3000} s into ${KILL_LOAD_MS / 1000} s`, {
      ...phases.kill,
      'acknowledged writes (both phases)': acknowledged.size,
      'lost writes': lost,
      'duplicated writes': duplicated,
    });
    expect(phases.steady.errors).toBe(0);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    // Only requests in flight on the killed instance may fail: at most one per client loop.
    expect(phases.kill.errors).toBeLessThanOrEqual(clients.length * 2);
  }, 180_000);

  it('relays every outbox event once among four relays and hands it to each consumer once; metrics moved', async () => {
    await until('the outbox to drain', async () => {
      const [row] = await cluster.sql<{ n: string }>(
        'select count(*) as n from platform.outbox where published_at is null',
      );
      return Number(row!.n) === 0 ? true : undefined;
    });
    const [events] = await cluster.sql<{ n: string }>('select count(*) as n from platform.outbox');
    const written = await cluster.sql<{ event_id: string }>(
      `select event_id from platform.outbox where id > ${outboxBefore}`,
    );
    await until('every event on the bus', async () =>
      written.every((e) => relayed.has(e.event_id)) ? true : undefined,
    );
    // Stored once each: a row republished after its relay was killed is absorbed by the duplicate window.
    const relayedTwice = written.filter((e) => (relayed.get(e.event_id) ?? 0) > 1).length;
    expect(relayedTwice).toBe(0);
    const duplicates = await cluster.sql(
      'select consumer, event_id from platform.consumed_events group by 1, 2 having count(*) > 1',
    );
    expect(duplicates).toHaveLength(0);
    const metric = async (url: string, name: string) => {
      const text = (await request(`${url}/metrics`)).text;
      return text
        .split('\n')
        .filter((l) => l.startsWith(name))
        .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
    };
    const apiUrl = cluster.apis[0]!.url;
    const published =
      (await metric(apiUrl, 'events_published_total')) +
      (await metric(cluster.apis[2]!.url, 'events_published_total')) +
      (await metric(cluster.worker.url, 'events_published_total'));
    const consumed = await metric(cluster.worker.url, 'events_consumed_total');
    const jobs = await metric(cluster.worker.url, 'jobs_finished_total');
    const workerMetrics = (await request(`${cluster.worker.url}/metrics`)).text;
    expect(workerMetrics).toContain('service="boutique-to-box-worker"');
    expect(workerMetrics).toContain('jobs_queue_depth');
    expect(published).toBeGreaterThan(0);
    expect(consumed).toBeGreaterThan(0);
    expect(jobs).toBeGreaterThan(0);
    record('outbox and metrics', {
      events: Number(events!.n),
      'events counted in the stream': written.length,
      'stored twice': relayedTwice,
      'published (counted by live instances)': published,
      'consumed by the worker': consumed,
      'jobs finished': jobs,
    });
  }, 60_000);
});

/** Reads a server-sent event stream until it ends; returns the `progress` events. */
function sse(url: string): Promise<{ events: { status: string; progress: number }[]; requestId: unknown }> {
  return new Promise((resolve, reject) => {
    const events: { status: string; progress: number }[] = [];
    const req = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: progress') && data) events.push(JSON.parse(data.slice(6)));
        }
      });
      res.on('end', () => resolve({ events, requestId: res.headers['x-request-id'] }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error('SSE timed out')));
    req.on('error', reject);
  });
}
