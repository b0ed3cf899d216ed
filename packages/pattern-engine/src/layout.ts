import type { Rng } from './prng.ts';

export interface Point {
  x: number;
  y: number;
}

/** Shortest distance on the torus, because the tile's opposite edges touch in the repeat. */
export function torusDistance(a: Point, b: Point, size: number): number {
  let dx = Math.abs(a.x - b.x);
  let dy = Math.abs(a.y - b.y);
  dx = Math.min(dx, size - dx);
  dy = Math.min(dy, size - dy);
  return Math.hypot(dx, dy);
}

/**
 * Dart-throwing Poisson-disc sampling on the torus: even-looking, never clumped across the seam.
 * `minDistance` may vary per point via `radiusOf`.
 */
export function poissonOnTorus(
  rng: Rng,
  size: number,
  minDistance: number,
  maxPoints: number,
  attempts = 2500,
  avoid: readonly { x: number; y: number; r: number }[] = [],
): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < attempts && points.length < maxPoints; i++) {
    const p = { x: rng.range(0, size), y: rng.range(0, size) };
    if (points.some((q) => torusDistance(p, q, size) < minDistance)) continue;
    if (avoid.some((q) => torusDistance(p, q, size) < q.r)) continue;
    points.push(p);
  }
  return points;
}
