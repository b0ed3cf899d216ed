import { darken, lighten } from '../color.ts';
import type { Rng } from '../prng.ts';
import { group, num, path, type Pt, smoothClosedPath } from '../svg.ts';
import { type MotifBuilder, own, type Paint } from './context.ts';
import { leafPath, leafWithVein } from './shapes.ts';

type LeafMaker = (rng: Rng, p: Paint, main: string) => string;

function quadPoint(a: Pt, c: Pt, b: Pt, t: number): Pt {
  const u = 1 - t;
  return [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]];
}

function quadAngle(a: Pt, c: Pt, b: Pt, t: number): number {
  const dx = 2 * (1 - t) * (c[0] - a[0]) + 2 * t * (b[0] - c[0]);
  const dy = 2 * (1 - t) * (c[1] - a[1]) + 2 * t * (b[1] - c[1]);
  return (Math.atan2(dy, dx) * 180) / Math.PI;
}

/** A curved stem with alternating leaves: the everyday botanical sprig. */
const sprig: LeafMaker = (rng, p, main) => {
  const a: Pt = [-34, 36];
  const b: Pt = [30, -36];
  const c: Pt = [rng.range(-26, 10), rng.range(-22, 4)];
  const vein = lighten(main, 0.35);
  let out = path(
    `M${a[0]},${a[1]}Q${num(c[0])},${num(c[1])} ${b[0]},${b[1]}`,
    'none',
    `stroke="${darken(main, 0.15)}" stroke-width="2.4" stroke-linecap="round"`,
  );
  const n = rng.int(5, 7);
  for (let i = 0; i < n; i++) {
    const t = 0.16 + (i / (n - 1)) * 0.78;
    const [x, y] = quadPoint(a, c, b, t);
    const ang = quadAngle(a, c, b, t) + (i % 2 === 0 ? -52 : 52);
    const len = 20 - t * 6;
    out += group(leafWithVein(len, len * 0.36, main, vein, i % 2 === 0 ? 1.5 : -1.5), `translate(${num(x)} ${num(y)}) rotate(${num(ang)})`);
  }
  const tipAng = quadAngle(a, c, b, 1);
  out += group(leafWithVein(17, 6, main, vein), `translate(${b[0]} ${b[1]}) rotate(${num(tipAng)})`);
  return out;
};

/**
 * Monstera: a heart-shaped blade split into lobes that meet near the midrib, so the gaps read as the
 * plant's characteristic slits.
 */
const monstera: LeafMaker = (rng, p, main) => {
  const cx = 0;
  const cy = 4;
  const rib = lighten(main, 0.3);
  const lobesPerSide = rng.int(4, 5);
  const outline = (deg: number) => {
    // Heart-ish radius: narrower at the tip (up), notched at the stem (down).
    const a = (deg * Math.PI) / 180;
    const r = 40 - 6 * Math.cos(a) ** 2 + 3 * Math.sin(a);
    return [cx + Math.sin(a) * r, cy - Math.cos(a) * r] as Pt;
  };
  let lobes = '';
  for (const side of [-1, 1]) {
    for (let i = 0; i < lobesPerSide; i++) {
      const gap = 5;
      const a0 = 4 + (i * 168) / lobesPerSide + (i === 0 ? 0 : gap / 2);
      const a1 = 4 + ((i + 1) * 168) / lobesPerSide - (i === lobesPerSide - 1 ? 0 : gap / 2);
      const pts: Pt[] = [];
      const innerR = 8;
      const midA = (((a0 + a1) / 2) * Math.PI) / 180;
      pts.push([cx + side * Math.sin(midA) * innerR * 0.4, cy - Math.cos(midA) * innerR]);
      for (let s = 0; s <= 4; s++) {
        const deg = a0 + ((a1 - a0) * s) / 4;
        const [x, y] = outline(deg);
        pts.push([cx + side * (x - cx), y]);
      }
      lobes += path(smoothClosedPath(pts), main);
    }
  }
  // Solid centre strip so slits stop short of the midrib; a few holes for good measure.
  const body = path('M0,-34C8,-20 11,0 9,22C6,30 -6,30 -9,22C-11,0 -8,-20 0,-34Z', main);
  let holes = '';
  for (let i = 0; i < 3; i++) {
    const y = -16 + i * 13;
    const side = i % 2 === 0 ? 1 : -1;
    holes += path(
      `M${num(side * 13)},${num(y)}c${num(side * 3)},-2 ${num(side * 7)},-2 ${num(side * 8)},1c${num(-side * 3)},2 ${num(-side * 6)},1 ${num(-side * 8)},-1Z`,
      darken(main, 0.35),
      'opacity="0.55"',
    );
  }
  const midrib = path('M0,44Q1,10 0,-33', 'none', `stroke="${rib}" stroke-width="2.2" stroke-linecap="round"`);
  return group(lobes + body + holes + midrib, `rotate(${num(rng.range(-15, 15))})`);
};

/** Palm frond: a curved rachis with long leaflets, longest in the middle. */
function frond(rng: Rng, main: string, pairs: number, width: number, maxLen: number): string {
  const a: Pt = [-40, 40];
  const b: Pt = [38, -36];
  const c: Pt = [rng.range(-30, -5), rng.range(-30, -10)];
  let out = '';
  for (let i = 0; i < pairs; i++) {
    const t = 0.1 + (i / (pairs - 1)) * 0.88;
    const [x, y] = quadPoint(a, c, b, t);
    const base = quadAngle(a, c, b, t);
    const len = maxLen * Math.sin(Math.PI * (0.15 + t * 0.8)) + 4;
    for (const side of [-1, 1]) {
      out += group(
        path(leafPath(len, width, side * 2), main),
        `translate(${num(x)} ${num(y)}) rotate(${num(base + side * (62 - t * 22))})`,
      );
    }
  }
  return (
    out +
    path(
      `M${a[0]},${a[1]}Q${num(c[0])},${num(c[1])} ${b[0]},${b[1]}`,
      'none',
      `stroke="${darken(main, 0.2)}" stroke-width="2" stroke-linecap="round"`,
    )
  );
}

const palm: LeafMaker = (rng, _p, main) => frond(rng, main, 14, 3.6, 22);
const fern: LeafMaker = (rng, _p, main) => frond(rng, main, 18, 2.8, 16);

const MAKERS: Record<string, LeafMaker[]> = {
  sprig: [sprig],
  monstera: [monstera],
  palm: [palm],
  fern: [fern],
  tropical: [monstera, palm, monstera, palm],
};

export const buildLeaf: MotifBuilder = (ctx) => {
  const { rng, paint } = ctx;
  const makers = MAKERS[ctx.variant] ?? MAKERS.sprig;
  const glyphs: string[] = [];
  for (let i = 0; i < 4; i++) glyphs.push(makers[i % makers.length](rng, paint, own(paint, i)));
  return { type: 'scatter', glyphs, rotation: 180 };
};

