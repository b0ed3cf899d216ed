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
const sprig: LeafMaker = (rng, _p, main) => {
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
    out += group(
      leafWithVein(len, len * 0.36, main, vein, i % 2 === 0 ? 1.5 : -1.5),
      `translate(${num(x)} ${num(y)}) rotate(${num(ang)})`,
    );
  }
  const tipAng = quadAngle(a, c, b, 1);
  out += group(leafWithVein(17, 6, main, vein), `translate(${b[0]} ${b[1]}) rotate(${num(tipAng)})`);
  return out;
};

/**
 * Monstera: a heart-shaped blade cut into lobes by slits that run from the edge toward the midrib,
 * over a solid centre, with a few oval holes beside the midrib.
 */
const monstera: LeafMaker = (rng, p, main) => {
  const cy = 2;
  const radiusAt = (deg: number) => {
    const base =
      42 + 3 * Math.sin((deg * Math.PI) / 180) - 5 * Math.max(0, Math.cos((deg * Math.PI) / 180)) ** 6;
    // The notch where the stalk joins.
    const notch = deg > 160 ? 1 - 0.45 * ((deg - 160) / 20) ** 2 : 1;
    return base * notch;
  };
  const at = (deg: number, r: number, side: number): Pt => {
    // Taller than wide, like the real leaf.
    const a = (deg * Math.PI) / 180;
    return [side * Math.sin(a) * r * 0.86, cy - Math.cos(a) * r * 1.08];
  };
  const slits = rng.int(4, 5);
  const slitAngles = Array.from(
    { length: slits },
    (_, j) => 28 + ((j + 0.5) * 140) / slits + rng.range(-4, 4),
  );
  const bounds = [0, ...slitAngles, 180];
  const vein = lighten(main, 0.28);
  let out = '';
  for (const side of [-1, 1]) {
    for (let j = 0; j < bounds.length - 1; j++) {
      const from = bounds[j] + (j === 0 ? 0 : 2.6);
      const to = bounds[j + 1] - (j === bounds.length - 2 ? 0 : 2.6);
      const innerFrom = bounds[j] + (j === 0 ? 0 : 1);
      const innerTo = bounds[j + 1] - (j === bounds.length - 2 ? 0 : 1);
      const pts: Pt[] = [at(innerFrom, radiusAt(innerFrom) * 0.34, side)];
      for (let s = 0; s <= 8; s++) {
        const d = from + ((to - from) * s) / 8;
        pts.push(at(d, radiusAt(d), side));
      }
      pts.push(at(innerTo, radiusAt(innerTo) * 0.34, side));
      out += `<path d="M${pts.map(([x, y]) => `${num(x)},${num(y)}`).join('L')}Z" fill="${main}" stroke="${main}" stroke-width="0.8" stroke-linejoin="round"/>`;
      if (j > 0 && j < bounds.length - 1) {
        const mid = (from + to) / 2;
        const [x1, y1] = at(mid, radiusAt(mid) * 0.3, side);
        const [x2, y2] = at(mid, radiusAt(mid) * 0.86, side);
        out += path(
          `M${num(x1)},${num(y1)}L${num(x2)},${num(y2)}`,
          'none',
          `stroke="${vein}" stroke-width="1" opacity="0.6"`,
        );
      }
    }
  }
  // Solid centre so the slits stop short of the midrib.
  const core: Pt[] = [];
  for (let d = 0; d < 360; d += 20) {
    const dd = d <= 180 ? d : 360 - d;
    core.push(at(dd, radiusAt(dd) * 0.4, d <= 180 ? 1 : -1));
  }
  out += path(smoothClosedPath(core), main);
  for (let i = 0; i < 3; i++) {
    const side = i % 2 === 0 ? 1 : -1;
    const [x, y] = at(50 + i * 40, 11, side);
    out += `<ellipse cx="${num(x)}" cy="${num(y)}" rx="2.2" ry="4.5" fill="${p.bg}" transform="rotate(${num(side * (40 + i * 30))} ${num(x)} ${num(y)})"/>`;
  }
  const base = radiusAt(180);
  out += path(
    `M0,${num(cy + base + 10)}L0,${num(cy + base * 0.6)}Q-1,${cy} 0,${num(cy - 38)}`,
    'none',
    `stroke="${vein}" stroke-width="2.2" stroke-linecap="round"`,
  );
  return group(out, `rotate(${num(rng.range(-20, 20))})`);
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
  // Foliage prints overlap leaves; tighter spacing than other scattered motifs.
  return { type: 'scatter', glyphs, rotation: 180, spacing: 0.78 };
};
