/** mulberry32: tiny, fast and good enough for layout; the same seed always yields the same stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, used to derive independent sub-seeds from labels. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Stateless hash of integer coordinates into [0, 1). Periodic layers use it with indices taken modulo the
 * number of cells per tile, so a cell looks the same in every repeat whatever window is being drawn.
 */
export function cellRandom(seed: number, ...ints: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const n of ints) {
    h = Math.imul(h ^ (n | 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}

export class Rng {
  private readonly nextFloat: () => number;

  constructor(readonly seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  next(): number {
    return this.nextFloat();
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.nextFloat();
  }

  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.nextFloat() * items.length)];
  }

  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** A new stream keyed by label, so adding draws in one layer never shifts another layer's layout. */
  fork(label: string): Rng {
    return new Rng(hashString(label, this.seed ^ 0x5bd1e995));
  }
}
