/**
 * Resident memory after 20 generations (every file the studio makes), each setting in processes of
 * its own, three runs each (medians): libvips' operation cache as sharp sets it or off, and glibc's
 * malloc with its default arenas (8 per core: render threads each get one) or with two.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Row } from './run.ts';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_MEMORY_RUNS ?? 3);

interface Sample {
  before: number;
  after: number;
  msPerDesign: number;
}

function child(env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/generation-memory.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
    });
    proc.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Sample)
        : reject(new Error(`generation-memory exited with ${code}`)),
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function memoryRows(): Promise<Row[]> {
  console.error('[in-process] memory after 20 generations');
  const settings: { name: string; env: Record<string, string> }[] = [
    {
      name: 'sharp defaults, glibc malloc defaults',
      env: { BENCH_SHARP_CACHE: 'default', MALLOC_ARENA_MAX: '' },
    },
    { name: 'libvips cache off', env: { BENCH_SHARP_CACHE: 'off', MALLOC_ARENA_MAX: '' } },
    { name: 'MALLOC_ARENA_MAX=2', env: { BENCH_SHARP_CACHE: 'default', MALLOC_ARENA_MAX: '2' } },
  ];
  const samples = new Map<string, Sample[]>(settings.map((s) => [s.name, []]));
  // Settings take turns, so the machine's drifting load falls on each.
  for (let i = 0; i < runs; i++) {
    for (const setting of settings) samples.get(setting.name)!.push(await child(setting.env));
  }
  const baseline = median(samples.get(settings[0]!.name)!.map((s) => s.after));
  return settings.map(({ name }) => {
    const taken = samples.get(name)!;
    const after = median(taken.map((s) => s.after));
    const ms = median(taken.map((s) => s.msPerDesign));
    return {
      mode: 'in-process',
      scenario: `RSS after 20 generations (${name})`,
      reqPerSec: Math.round(1000 / ms),
      p50Ms: Math.round(ms),
      p99Ms: Math.round(Math.max(...taken.map((s) => s.msPerDesign))),
      errors: 0,
      non2xx: 0,
      note: `${Math.round(after)} MB after, ${Math.round(median(taken.map((s) => s.before)))} MB before (median of ${runs}; ${Math.round((100 * after) / baseline)}% of the defaults)`,
    };
  });
}
