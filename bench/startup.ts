/**
 * Start-up rows: process start to `/ready` and resident memory once idle, for the compiled server
 * and, in the same run, for the previous runtime: the TypeScript sources transpiled at start by tsx.
 * (The machine's own Node 20 cannot be the comparison: the native addons are built for Node 24.)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createScratchDatabase } from '../apps/server/src/testing/services.ts';
import type { Row } from './run.ts';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_START_RUNS ?? 3);
const idleMs = 5_000;

interface Runtime {
  label: string;
  node: string;
  args: string[];
}

const compiled: Runtime = { label: 'compiled', node: process.execPath, args: ['apps/server/dist/main.js'] };
const previous: Runtime = {
  label: 'tsx',
  node: process.execPath,
  args: ['--import', 'tsx', 'apps/server/src/main.ts'],
};

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function startOnce(runtime: Runtime, env: Record<string, string>, extraArgs: string[]) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child: ChildProcess = spawn(runtime.node, [...runtime.args, ...extraArgs], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${runtime.label} exited with ${child.exitCode ?? child.signalCode}`);
      if (performance.now() - started > 120_000) throw new Error(`${runtime.label} did not become ready`);
      const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(25);
    }
    const readyMs = performance.now() - started;
    await sleep(idleMs);
    return { readyMs, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median over `runs` starts; the first start of a new data directory (initdb, migrations) is not counted. */
async function measure(runtime: Runtime, env: Record<string, string>, extraArgs: string[]) {
  await startOnce(runtime, env, extraArgs);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await startOnce(runtime, env, extraArgs));
  return { readyMs: median(samples.map((s) => s.readyMs)), rssMb: median(samples.map((s) => s.rssMb)) };
}

function row(mode: string, what: string, result: { readyMs: number; rssMb: number }, note: string): Row {
  return {
    mode,
    scenario: `start to /ready, idle RSS: ${what}`,
    reqPerSec: 0,
    p50Ms: Math.round(result.readyMs),
    p99Ms: Math.round(result.readyMs),
    errors: 0,
    non2xx: 0,
    note: `${result.rssMb} MB RSS; ${note}`,
  };
}

async function compare(mode: string, what: string, env: Record<string, string>, args: string[]) {
  console.error(`[startup] ${mode}: ${what}`);
  const now = await measure(compiled, env, args);
  const before = await measure(previous, env, args);
  const note = `node ${process.version}; sources under tsx: ${Math.round(before.readyMs)} ms, ${before.rssMb} MB`;
  return row(mode, what, now, note);
}

export async function startupRows(): Promise<Row[]> {
  execFileSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: root, stdio: 'inherit' });
  const rows: Row[] = [];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'btb-start-'));
  try {
    rows.push(
      await compare(
        'embedded',
        'whole platform',
        { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', NATS_URL: '' },
        [],
      ),
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL);
    try {
      rows.push(
        await compare(
          'postgres',
          'API role',
          {
            DATA_DIR: os.tmpdir(),
            DATABASE_URL: scratch.url,
            REDIS_URL: process.env.REDIS_URL ?? '',
            NATS_URL: process.env.NATS_URL ?? '',
            JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
            PUBLIC_URL: 'http://localhost:8080',
            ALLOW_TEST_PAYMENTS: 'true',
          },
          ['--role', 'api'],
        ),
      );
    } finally {
      await scratch.drop();
    }
  }
  return rows;
}
