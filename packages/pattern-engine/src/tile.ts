import { group, num, place } from './svg.ts';

/**
 * A layer draws the infinite, T-periodic pattern plane restricted to the window [x0, x0+T) x [y0, y0+T),
 * in plane coordinates. The tile is the window at (0, 0); the seam test draws other windows.
 */
export interface Layer {
  draw(x0: number, y0: number): string;
}

/** One scattered motif: its drawing in local units (radius ~50 about the origin) and where it sits. */
export interface Instance {
  x: number;
  y: number;
  rotation: number;
  /** Scale from local units to pixels. */
  scale: number;
  /** Bounding radius in pixels, used to decide which wrap copies touch the window. */
  radius: number;
  svg: string;
}

/** Integer k range with base + k*T overlapping [lo, hi]. */
function copies(base: number, radius: number, lo: number, hi: number, size: number): number[] {
  const out: number[] = [];
  const first = Math.ceil((lo - radius - base) / size);
  const last = Math.floor((hi + radius - base) / size);
  for (let k = first; k <= last; k++) out.push(k);
  return out;
}

/**
 * Seamlessness for scattered motifs: every instance is drawn at each translate by multiples of T that
 * overlaps the window, so a motif cut by one edge reappears on the opposite edge.
 */
export function scatterLayer(instances: readonly Instance[], size: number, attrs = ''): Layer {
  return {
    draw(x0, y0) {
      let out = '';
      for (const inst of instances) {
        for (const kx of copies(inst.x, inst.radius, x0, x0 + size, size)) {
          for (const ky of copies(inst.y, inst.radius, y0, y0 + size, size)) {
            out += group(inst.svg, place(inst.x + kx * size, inst.y + ky * size, inst.rotation, inst.scale));
          }
        }
      }
      return attrs ? group(out, undefined, attrs) : out;
    },
  };
}

/** Indices k with k*period + [lo, hi) intersecting the window along one axis, with a margin. */
export function periodRange(start: number, size: number, period: number, margin: number): number[] {
  const out: number[] = [];
  const first = Math.floor((start - margin) / period) - 1;
  const last = Math.ceil((start + size + margin) / period) + 1;
  for (let k = first; k <= last; k++) out.push(k);
  return out;
}

export const mod = (n: number, m: number): number => ((n % m) + m) % m;

/** Window contents (background + layers) in window pixel coordinates. */
export function drawWindow(
  background: string,
  layers: readonly Layer[],
  size: number,
  x0: number,
  y0: number,
) {
  const body = layers.map((l) => l.draw(x0, y0)).join('');
  const shifted = x0 !== 0 || y0 !== 0 ? group(body, `translate(${num(-x0)} ${num(-y0)})`) : body;
  return `<rect width="${size}" height="${size}" fill="${background}"/>${shifted}`;
}
