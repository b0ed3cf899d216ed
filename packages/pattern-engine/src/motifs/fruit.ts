import { darken, lighten, luminance, mix } from '../color.ts';
import type { Rng } from '../prng.ts';
import { circle, ellipse, group, num, path, type Pt, smoothClosedPath } from '../svg.ts';
import { accentFor, type MotifBuilder, own, type Paint } from './context.ts';
import { leafWithVein } from './shapes.ts';

type FruitMaker = (rng: Rng, p: Paint, main: string) => string;

/** Lemon body: an ellipse with a nub at each end, a little asymmetric so no two look stamped. */
function lemonBody(rng: Rng, rx: number, ry: number): string {
  const pts: Pt[] = [];
  const n = 28;
  const wobble = rng.range(-0.04, 0.04);
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const base = (rx * ry) / Math.hypot(ry * Math.cos(a), rx * Math.sin(a));
    const d0 = Math.min(Math.abs(a), Math.abs(a - Math.PI * 2));
    const dPi = Math.abs(a - Math.PI);
    const nub = 7 * Math.exp(-((d0 / 0.2) ** 2)) + 6 * Math.exp(-((dPi / 0.2) ** 2));
    const r = (base + nub) * (1 + wobble * Math.sin(a * 2));
    pts.push([Math.cos(a) * r, Math.sin(a) * r]);
  }
  return smoothClosedPath(pts);
}

const lemon: FruitMaker = (rng, p, main) => {
  const body = lemonBody(rng, 33, 24);
  const shade = darken(main, 0.16);
  let pores = '';
  for (let i = 0; i < 7; i++) {
    pores += circle(rng.range(-22, 22), rng.range(-12, 14), 0.9, shade, 'opacity="0.5"');
  }
  const leafAng = rng.range(-60, -25);
  return group(
    group(
      leafWithVein(30, 11, p.leaf, lighten(p.leaf, 0.35), -2),
      `translate(30 -6) rotate(${num(leafAng)})`,
    ) +
      path(body, shade) +
      group(path(body, main), 'translate(-1.2 -2) scale(0.95)') +
      ellipse(-8, -11, 14, 4.5, lighten(main, 0.5), 'opacity="0.75" transform="rotate(-10)"') +
      pores,
    'translate(-4 4)',
  );
};

/** Citrus slice: rind, pith and juicy segments; the segments make it read at small sizes. */
function citrusSlice(rng: Rng, main: string): string {
  const n = rng.int(8, 10);
  const rot = rng.range(0, 360);
  const flesh = lighten(main, 0.22);
  let segs = '';
  for (let i = 0; i < n; i++) {
    const a0 = ((rot + (i * 360) / n + 4) * Math.PI) / 180;
    const a1 = ((rot + ((i + 1) * 360) / n - 4) * Math.PI) / 180;
    const r = 30;
    const c = 3.2;
    segs += path(
      `M${num(Math.cos((a0 + a1) / 2) * c)},${num(Math.sin((a0 + a1) / 2) * c)}` +
        `L${num(Math.cos(a0) * r)},${num(Math.sin(a0) * r)}` +
        `A${r},${r} 0 0 1 ${num(Math.cos(a1) * r)},${num(Math.sin(a1) * r)}Z`,
      flesh,
      'stroke-linejoin="round"',
    );
  }
  return (
    circle(0, 0, 40, darken(main, 0.08)) +
    circle(0, 0, 36, mix(main, '#fffbea', 0.85)) +
    segs +
    circle(0, 0, 2.5, mix(main, '#fffbea', 0.7))
  );
}

const lemonSlice: FruitMaker = (rng, _p, main) => citrusSlice(rng, main);

const orange: FruitMaker = (rng, p, main) => {
  const shade = darken(main, 0.15);
  let pores = '';
  for (let i = 0; i < 9; i++) {
    const a = rng.range(0, Math.PI * 2);
    const r = rng.range(4, 24);
    pores += circle(Math.cos(a) * r, Math.sin(a) * r, 0.9, shade, 'opacity="0.5"');
  }
  return (
    circle(0, 4, 31, shade) +
    circle(-1, 2.5, 29.5, main) +
    ellipse(-10, -8, 9, 5, lighten(main, 0.45), 'opacity="0.7" transform="rotate(-30 -10 -8)"') +
    pores +
    group(
      leafWithVein(26, 10, p.leaf, lighten(p.leaf, 0.35), -2),
      `translate(2 -26) rotate(${num(rng.range(-60, -20))})`,
    ) +
    circle(0, -25, 2.2, darken(p.leaf, 0.3))
  );
};

const cherry: FruitMaker = (rng, p, main) => {
  const stem = mix(darken(p.leaf, 0.3), '#6b4a2b', 0.5);
  const top: Pt = [rng.range(-2, 6), -34];
  const c1: Pt = [-14, 18];
  const c2: Pt = [14, 24];
  const stemAttrs = `stroke="${stem}" stroke-width="2.2" stroke-linecap="round"`;
  const fruit = ([x, y]: Pt, r: number) =>
    circle(x, y + 1.5, r, darken(main, 0.25)) +
    circle(x - 0.6, y, r - 1, main) +
    ellipse(x - r * 0.38, y - r * 0.35, r * 0.28, r * 0.18, lighten(main, 0.7), 'opacity="0.8"');
  return (
    path(`M${c1[0]},${c1[1] - 12}Q${c1[0] + 2},-14 ${num(top[0])},${top[1]}`, 'none', stemAttrs) +
    path(`M${c2[0]},${c2[1] - 12}Q${c2[0] - 4},-8 ${num(top[0])},${top[1]}`, 'none', stemAttrs) +
    group(
      leafWithVein(30, 10, p.leaf, lighten(p.leaf, 0.35), -3),
      `translate(${num(top[0])} ${top[1]}) rotate(${num(rng.range(-25, 10))})`,
    ) +
    fruit(c1, 14) +
    fruit(c2, 14)
  );
};

const strawberry: FruitMaker = (rng, p, main) => {
  const body = 'M-25,-14C-28,6 -12,30 0,38C12,30 28,6 25,-14C16,-22 -16,-22 -25,-14Z';
  const seed = mix(main, '#fff4b8', 0.75);
  let seeds = '';
  for (let row = 0; row < 5; row++) {
    const y = -10 + row * 9;
    const half = 22 - row * 4.2;
    const count = Math.max(1, Math.round(half / 6));
    for (let i = -count; i <= count; i++) {
      const x = (i / Math.max(1, count)) * half * 0.8 + (row % 2 ? 3 : 0);
      if (Math.abs(x) > half) continue;
      seeds += ellipse(x, y, 1.3, 2.1, seed, `transform="rotate(${num(x * 0.8)} ${num(x)} ${num(y)})"`);
    }
  }
  let calyx = '';
  const n = 6;
  for (let i = 0; i < n; i++) {
    const a = -90 + (i - (n - 1) / 2) * 32 + rng.range(-5, 5);
    calyx += group(
      path('M0,0C4,-3 12,-3 18,0C12,3 4,3 0,0Z', p.leaf),
      `translate(0 -16) rotate(${num(a + 180)})`,
    );
  }
  return (
    path(body, darken(main, 0.2)) +
    group(path(body, main), 'translate(-1 -1.5) scale(0.96)') +
    ellipse(-11, -4, 4, 9, lighten(main, 0.45), 'opacity="0.55" transform="rotate(20 -11 -4)"') +
    seeds +
    calyx +
    path(
      'M0,-18Q1,-28 5,-34',
      'none',
      `stroke="${darken(p.leaf, 0.2)}" stroke-width="2.5" stroke-linecap="round"`,
    )
  );
};

const MAKERS: Record<string, FruitMaker[]> = {
  lemon: [lemon, lemon, lemonSlice],
  orange: [orange, lemonSlice, orange],
  cherry: [cherry],
  strawberry: [strawberry],
  mixed: [lemon, cherry, strawberry, lemonSlice],
};

export const buildFruit: MotifBuilder = (ctx) => {
  const { rng, paint } = ctx;
  const makers = MAKERS[ctx.variant] ?? MAKERS.mixed;
  const glyphs: string[] = [];
  // Mostly the lead colour, with the fruit's natural colour (when there is one) as a counterpoint.
  for (let i = 0; i < 4; i++) glyphs.push(makers[i % makers.length](rng, paint, own(paint, i === 2 ? 1 : 0)));
  // Small blossoms between fruit, as on classic fruit prints.
  const blossomColour =
    luminance(paint.bg) > 0.45 ? accentFor(paint, own(paint, 0), 1) : lighten(own(paint, 0), 0.6);
  const fillers = [
    group(leafWithVein(40, 15, paint.leaf, lighten(paint.leaf, 0.35), 3), 'translate(-20 0)'),
    [0, 72, 144, 216, 288].map((a) => group(ellipse(0, -14, 9, 13, blossomColour), `rotate(${a})`)).join('') +
      circle(0, 0, 7, own(paint, 0)),
  ];
  return { type: 'scatter', glyphs, rotation: 180, fillers };
};
