/**
 * The project beside its peers on the same PostgreSQL tables, taking turns (project, peer,
 * project, peer…) so the machine's drifting load falls on both: the gallery and the design page
 * against a plain Express 5 server, order creation against bare Fastify with one pg transaction.
 */
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import type { Row } from '../run.ts';
import { type Prepared, type Scenario, scenarios } from '../scenarios.ts';

const rounds = Number(process.env.BENCH_PEER_ROUNDS ?? 3);

interface Harness {
  baseUrl: string;
  server: ChildProcess;
  serverEnv: Record<string, string>;
  seededDesigns: number;
  measure: (
    baseUrl: string,
    prepared: Prepared,
    scenario: Pick<Scenario, 'name' | 'connections'>,
    mode: string,
    server?: ChildProcess,
  ) => Promise<Row>;
  startProcess: (args: string[], env: Record<string, string>, readyUrl: string) => Promise<ChildProcess>;
  stop: (child: ChildProcess) => Promise<void>;
  freePort: () => Promise<number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function combine(samples: Row[], name: string): Row {
  return {
    ...samples[0]!,
    scenario: name,
    reqPerSec: median(samples.map((r) => r.reqPerSec)),
    p50Ms: median(samples.map((r) => r.p50Ms)),
    p99Ms: median(samples.map((r) => r.p99Ms)),
    cpuUsPerRequest: median(samples.map((r) => r.cpuUsPerRequest ?? 0)),
    errors: samples.reduce((n, r) => n + r.errors, 0),
    non2xx: samples.reduce((n, r) => n + r.non2xx, 0),
  };
}

/** Whether both answer the same bytes (or the same JSON, keys in another order) to a GET. */
async function sameAnswer(a: string, b: string, prepared: Prepared) {
  const [x, y] = await Promise.all(
    [a, b].map((base) => fetch(base + prepared.path, { headers: prepared.headers }).then((r) => r.text())),
  );
  if (x === y) return 'byte-identical';
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([k1], [k2]) => k1.localeCompare(k2))
              .map(([k, w]) => [k, canonical(w)]),
          )
        : v;
  return JSON.stringify(canonical(JSON.parse(x))) === JSON.stringify(canonical(JSON.parse(y)))
    ? 'same JSON, keys of stored JSONB in another order'
    : 'DIFFERENT bodies';
}

async function pair(
  h: Harness,
  peer: { url: string; process: ChildProcess; label: string },
  scenario: Scenario,
  prepared: Prepared,
  compareBodies: boolean,
): Promise<Row[]> {
  const mine: Row[] = [];
  const theirs: Row[] = [];
  for (let i = 0; i < rounds; i++) {
    console.error(`[postgres] ${scenario.name}: project vs ${peer.label}, round ${i + 1}/${rounds}`);
    mine.push(await h.measure(h.baseUrl, prepared, scenario, 'postgres', h.server));
    theirs.push(await h.measure(peer.url, prepared, scenario, 'postgres', peer.process));
  }
  const a = combine(mine, `${scenario.name} (project)`);
  const b = combine(theirs, `${scenario.name} (${peer.label})`);
  const same = compareBodies ? `; ${await sameAnswer(h.baseUrl, peer.url, prepared)}` : '';
  const cpu =
    a.cpuUsPerRequest && b.cpuUsPerRequest
      ? `, ${(a.cpuUsPerRequest / b.cpuUsPerRequest).toFixed(2)}× its CPU per request`
      : '';
  a.note = `${(a.reqPerSec / b.reqPerSec).toFixed(2)}× the ${peer.label} in req/s${cpu}${same}`;
  b.note = `peer, medians of ${rounds} turns`;
  return [a, b];
}

export async function peerRows(h: Harness): Promise<Row[]> {
  const databaseUrl = h.serverEnv.DATABASE_URL!;
  const ctx = { baseUrl: h.baseUrl, seededDesigns: h.seededDesigns };
  const rows: Row[] = [];
  const express = await start(h, 'bench/peers/express-gallery.ts', databaseUrl);
  try {
    const peer = { ...express, label: 'Express peer' };
    for (const name of [
      'gallery first page (uncached)',
      'gallery deep cursor page (90% down)',
      'design detail',
    ]) {
      const scenario = scenarios.find((s) => s.name === name)!;
      rows.push(...(await pair(h, peer, scenario, await scenario.prepare(ctx), true)));
    }
  } finally {
    await h.stop(express.process);
  }

  const fastify = await start(h, 'bench/peers/fastify-orders.ts', databaseUrl);
  try {
    const scenario = scenarios.find((s) => s.name.startsWith('POST /api/orders'))!;
    const prepared = await scenario.prepare(ctx);
    const peer = { ...fastify, label: 'Fastify + one pg transaction' };
    const [mine, theirs] = await pair(h, peer, scenario, prepared, false);
    const duplicates = await duplicateOrders(h.baseUrl, databaseUrl, prepared);
    mine!.note += `; ${duplicates}`;
    rows.push(mine!, theirs!);
  } finally {
    await h.stop(fastify.process);
  }
  return rows;
}

async function start(h: Harness, file: string, databaseUrl: string) {
  const port = await h.freePort();
  const child = await h.startProcess(
    [file],
    { PORT: String(port), DATABASE_URL: databaseUrl, JWT_SECRET: h.serverEnv.JWT_SECRET! },
    `http://127.0.0.1:${port}/health`,
  );
  return { url: `http://127.0.0.1:${port}`, process: child };
}

/**
 * Orders of the bench buyer beyond one per idempotency key, after the measured runs and a burst of
 * 50 concurrent requests all with one new key (which must make exactly one order).
 */
async function duplicateOrders(baseUrl: string, databaseUrl: string, prepared: Prepared) {
  const request = (
    prepared.requests as { body: string; setupRequest: (r: object) => { headers: Record<string, string> } }[]
  )[0]!;
  const headers: Record<string, string> = {
    ...request.setupRequest({}).headers,
    'idempotency-key': `burst-${Date.now()}`,
  };
  const burst = await Promise.all(
    Array.from({ length: 50 }, () =>
      fetch(`${baseUrl}/api/orders`, { method: 'POST', headers, body: request.body }).then((r) => r.json()),
    ),
  );
  const burstOrders = new Set(burst.map((o: { id: string }) => o.id)).size;
  const token = headers.authorization!.replace(/^Bearer /, '');
  const userId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as orders, count(distinct k.key)::int as keys
       from orders.orders o left join orders.idempotency_keys k on k.order_id = o.id where o.user_id = $1`,
      [userId],
    );
    const { orders, keys } = rows[0];
    return `${orders - keys} duplicates in ${orders} orders; 50 concurrent requests with one key made ${burstOrders} order`;
  } finally {
    await client.end();
  }
}
