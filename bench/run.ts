/**
 * npm run bench: starts the platform (embedded, and against PostgreSQL/Redis/NATS when DATABASE_URL
 * is set) and a bare Fastify hello-world as the ceiling, drives each with autocannon, and prints
 * req/s, p50, p99, the server's CPU per request, errors and each row's ratio to the ceiling measured
 * right before it. Writes bench/results/latest.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Prepared, type Scenario, scenarios } from './scenarios.ts';
import { peerRows } from './peers/compare.ts';
import { createScratchDatabase } from '../apps/server/src/testing/services.ts';
import { extraRows } from './extra-rows.ts';
import { memoryRows } from './memory-rows.ts';
import { startupRows } from './startup.ts';
import { galleryInBrowser, pageVitalsInBrowser } from './web-gallery.ts';

const root = path.resolve(import.meta.dirname, '..');
const duration = Number(process.env.BENCH_DURATION_S ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const only = process.env.BENCH_ONLY;

export interface Row {
  mode: string;
  scenario: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** The server's CPU time (all its threads, from /proc) per request answered. */
  cpuUsPerRequest?: number;
  /** The bare Fastify hello-world's req/s measured right before this row. */
  ceilingReqPerSec?: number;
  ratioToCeiling?: number;
  /** A row with a note that still gets its ratio to the hello-world ceiling. */
  ratioAndNote?: boolean;
  note?: string;
}

/** user + system CPU time of a process so far, in microseconds (Linux /proc; undefined elsewhere). */
async function cpuMicros(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}
const clockTicksPerSecond = 100;

/**
 * Waits until the server is idle (under 5% of a core for half a second, at most a minute): the
 * work an earlier row left behind (events of 20,000 orders, their jobs) must not be counted in the
 * next row's CPU per request, nor slow its requests.
 */
async function settle(pid: number | undefined) {
  const until = Date.now() + 60_000;
  for (let before = await cpuMicros(pid); before !== undefined && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 500));
    const after = await cpuMicros(pid);
    if (after === undefined || after - before < 25_000) return;
    before = after;
  }
  if (pid !== undefined && Date.now() >= until)
    console.error('[bench] the server was still busy after a minute');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function startProcess(
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
): Promise<ChildProcess> {
  const runner = args[0]!.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...runner, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(readyUrl)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${args.join(' ')} did not become ready`);
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * Bare Fastify sending the bytes the platform just answered (a cached page): what the machine's
 * sockets allow for a body of that size. The platform's row gets its ratio to it in the note.
 */
async function sameBytes(baseUrl: string, prepared: Prepared, row: Row, ceiling: Ceiling, mode: string) {
  const body = Buffer.from(
    await (await fetch(baseUrl + prepared.path, { headers: prepared.headers })).arrayBuffer(),
  );
  await fetch(`${ceiling.url}/page`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const same = await measurePrepared(
    ceiling.url,
    { path: '/page' },
    { name: `bare Fastify sending the same ${Math.round(body.length / 1024)} KB`, connections },
    mode,
    ceiling.process,
  );
  same.note = 'ceiling for a body of this size';
  row.note = `${(row.reqPerSec / same.reqPerSec).toFixed(2)}× bare Fastify sending the same bytes`;
  row.ratioAndNote = true;
  return same;
}

async function measurePrepared(
  baseUrl: string,
  prepared: Prepared,
  scenario: Pick<Scenario, 'name' | 'connections' | 'countsServerErrors'>,
  mode: string,
  server?: ChildProcess,
): Promise<Row> {
  await settle(server?.pid);
  const cpuBefore = await cpuMicros(server?.pid);
  const result = await autocannon({
    url: baseUrl + prepared.path,
    method: prepared.method ?? 'GET',
    headers: prepared.headers,
    body: prepared.body,
    requests: prepared.requests as autocannon.Request[] | undefined,
    connections: scenario.connections ?? connections,
    duration,
  });
  const cpuAfter = await cpuMicros(server?.pid);
  const answered = result.requests.total;
  const status = (code: number) =>
    (result.statusCodeStats as Record<string, { count: number } | undefined>)[code]?.count ?? 0;
  return {
    ...(scenario.countsServerErrors
      ? {
          note: `${status(503)} × 503 (told to retry), ${status(500)} × 500, of ${answered} answers; ${scenario.connections} connections`,
        }
      : {}),
    mode,
    scenario: scenario.name,
    cpuUsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && answered > 0
        ? Math.round((cpuAfter - cpuBefore) / answered)
        : undefined,
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const seededDesigns = Number(process.env.BENCH_DESIGNS ?? 100_000);

/** Runs one of the compiled programs (`cli/seed`, …) to its end. */
async function runToEnd(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/run.mjs', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
}

/** The bare Fastify server: the ceiling, and the same bytes as a cached page beside that page's row. */
interface Ceiling {
  url: string;
  process: ChildProcess;
  measure: () => Promise<Row>;
}

async function benchPlatform(mode: string, env: Record<string, string>, ceiling: Ceiling): Promise<Row[]> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'btb-bench-'));
  const serverEnv = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    PUBLIC_URL: 'http://localhost:8080',
    ALLOW_TEST_PAYMENTS: 'true',
    ...env,
  };
  console.error(`[${mode}] seeding ${seededDesigns} designs…`);
  await runToEnd(['cli/seed', '--designs', String(seededDesigns), '--art', '12'], serverEnv);
  const server = await startProcess(
    ['scripts/run.mjs', 'main'],
    {
      ...serverEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      DATABASE_POOL_MAX: '20',
      RATE_LIMIT_API_MAX: '100000000',
      RATE_LIMIT_AUTH_MAX: '100000000',
      RATE_LIMIT_DESIGNS_PER_HOUR: '100000000',
    },
    `http://127.0.0.1:${port}/health`,
  );
  const rows: Row[] = [];
  try {
    for (const scenario of scenarios) {
      if (only && !scenario.name.includes(only)) continue;
      console.error(`[${mode}] ${scenario.name}`);
      const ctx = { baseUrl: `http://127.0.0.1:${port}`, seededDesigns };
      const prepared = await scenario.prepare(ctx);
      // The ceiling right before each row, which is compared with it: the machine's load drifts.
      const beside = await ceiling.measure();
      if (rows.length === 0)
        rows.push({ ...beside, mode, note: 'the first of the ceilings measured beside each row' });
      const row = await measurePrepared(ctx.baseUrl, prepared, scenario, mode, server);
      row.ceilingReqPerSec = beside.reqPerSec;
      rows.push(row);
      if (scenario.sameBytesCeiling) rows.push(await sameBytes(ctx.baseUrl, prepared, row, ceiling, mode));
    }
    if (env.DATABASE_URL && (!only || 'peer'.includes(only))) {
      rows.push(
        ...(await peerRows({
          baseUrl: `http://127.0.0.1:${port}`,
          server,
          serverEnv,
          seededDesigns,
          measure: measurePrepared,
          startProcess,
          stop,
          freePort,
        })),
      );
    }
    if (!only || 'browser'.includes(only)) {
      console.error(`[${mode}] gallery page in Chromium`);
      const browserRow = await galleryInBrowser(`http://127.0.0.1:${port}`, mode);
      if (browserRow) rows.push(browserRow);
      console.error(`[${mode}] page vitals in Chromium`);
      rows.push(...(await pageVitalsInBrowser(`http://127.0.0.1:${port}`, mode)));
    }
  } finally {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }
  return rows;
}

function printTable(rows: Row[]) {
  const header = [
    'mode',
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'errors',
    'non-2xx',
    'vs ceiling',
  ];
  const lines = rows.map((r) => [
    r.mode,
    r.scenario,
    String(r.reqPerSec),
    String(r.p50Ms),
    String(r.p99Ms),
    r.cpuUsPerRequest === undefined ? '' : String(r.cpuUsPerRequest),
    String(r.errors),
    String(r.non2xx),
    [
      r.ratioToCeiling === undefined
        ? ''
        : `${(r.ratioToCeiling * 100).toFixed(1)}% of ${r.ceilingReqPerSec} beside it`,
      r.note ?? '',
    ]
      .filter(Boolean)
      .join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

async function main() {
  const rows: Row[] = [];
  const helloPort = await freePort();
  const hello = await startProcess(
    ['bench/hello-server.ts'],
    { PORT: String(helloPort) },
    `http://127.0.0.1:${helloPort}/`,
  );
  const ceiling: Ceiling = {
    url: `http://127.0.0.1:${helloPort}`,
    process: hello,
    measure: () =>
      measurePrepared(
        `http://127.0.0.1:${helloPort}`,
        { path: '/' },
        { name: 'bare Fastify hello-world (ceiling)' },
        'ceiling',
        hello,
      ),
  };
  try {
    rows.push(
      ...(await benchPlatform('embedded', { DATABASE_URL: '', REDIS_URL: '', NATS_URL: '' }, ceiling)),
    );
    if (process.env.DATABASE_URL) {
      // A database of its own, so the seeded rows never mix with anything else.
      const scratch = await createScratchDatabase(process.env.DATABASE_URL);
      try {
        rows.push(
          ...(await benchPlatform(
            'postgres',
            {
              DATABASE_URL: scratch.url,
              REDIS_URL: process.env.REDIS_URL ?? '',
              REDIS_KEY_PREFIX: `bench${Date.now()}:`,
              NATS_URL: process.env.NATS_URL ?? '',
              NATS_STREAM: `BENCH_${Date.now()}`,
            },
            ceiling,
          )),
        );
      } finally {
        await scratch.drop();
      }
    }
  } finally {
    await stop(hello);
  }
  // Each row against the ceiling measured right before it.
  for (const row of rows) {
    if ((row.note === undefined || row.ratioAndNote) && row.ceilingReqPerSec)
      row.ratioToCeiling = row.reqPerSec / row.ceilingReqPerSec;
  }
  const extra = process.env.BENCH_SKIP_EXTRA ? [] : await extraRows();
  rows.push(...extra);
  if (!only || 'memory'.includes(only)) rows.push(...(await memoryRows()));
  if (!only || 'startup'.includes(only)) rows.push(...(await startupRows()));

  printTable(rows);
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  const out = path.join(root, 'bench/results/latest.json');
  await writeFile(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), duration, connections, cpus: os.cpus().length, rows },
      null,
      2,
    ),
  );
  console.log(`\nwritten to ${path.relative(root, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
