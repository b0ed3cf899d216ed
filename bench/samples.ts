import type { Row } from './run.ts';

export function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Milliseconds per call of `fn`, run `runs` times one after another. */
export async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** A table row for work timed in the bench's own process; p50/p99 rounded to `decimals` places. */
export function inProcessRow(scenario: string, samples: number[], note: string, decimals = 0): Row {
  const round = (v: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;
  return {
    mode: 'in-process',
    scenario,
    reqPerSec: Math.round(1000 / (samples.reduce((a, b) => a + b, 0) / samples.length)),
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    errors: 0,
    non2xx: 0,
    note,
  };
}
