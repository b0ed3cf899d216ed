import { lighten } from '../color.ts';
import type { Rng } from '../prng.ts';
import { circle, ellipse, group, num, path, type Pt } from '../svg.ts';
import { accentFor, color, type MotifBuilder, own, type Paint } from './context.ts';

type Cubic = [Pt, Pt, Pt, Pt];

/** The boteh: round base, tapering to a tip that curls to one side. */
const OUTLINE: Cubic[] = [
  [
    [20, -42],
    [6, -40],
    [-30, -22],
    [-30, 6],
  ],
  [
    [-30, 6],
    [-30, 30],
    [-8, 40],
    [10, 34],
  ],
  [
    [10, 34],
    [28, 28],
    [32, 6],
    [22, -8],
  ],
  [
    [22, -8],
    [14, -20],
    [24, -28],
    [20, -42],
  ],
];
const CENTRE: Pt = [-4, 10];
const D = `M${OUTLINE[0][0].join(',')}${OUTLINE.map((c) => `C${c[1].join(',')} ${c[2].join(',')} ${c[3].join(',')}`).join('')}Z`;

function cubicAt([p0, p1, p2, p3]: Cubic, t: number): Pt {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

const scaled = (k: number) =>
  `translate(${CENTRE[0]} ${CENTRE[1]}) scale(${k}) translate(${-CENTRE[0]} ${-CENTRE[1]})`;

function boteh(rng: Rng, p: Paint, main: string): string {
  const accent = accentFor(p, main);
  const third = accentFor(p, main, 1);
  const light = lighten(main, 0.45);
  let dots = '';
  OUTLINE.forEach((seg, si) => {
    const count = si === 3 ? 3 : 6;
    for (let i = 0; i < count; i++) {
      const [x, y] = cubicAt(seg, (i + 0.5) / count);
      const ox = CENTRE[0] + (x - CENTRE[0]) * 1.15;
      const oy = CENTRE[1] + (y - CENTRE[1]) * 1.15;
      dots += circle(ox, oy, 2.2, accent);
    }
  });
  let flower = '';
  for (let k = 0; k < 6; k++) {
    flower += group(ellipse(0, -5.5, 2.6, 5, third), `rotate(${k * 60})`);
  }
  let seeds = '';
  for (let i = 0; i < 5; i++) {
    const [x, y] = cubicAt(OUTLINE[1], 0.15 + i * 0.17);
    seeds += circle(CENTRE[0] + (x - CENTRE[0]) * 0.6, CENTRE[1] + (y - CENTRE[1]) * 0.6, 1.4, main);
  }
  return (
    dots +
    path(D, main) +
    group(path(D, 'none', `stroke="${light}" stroke-width="1.6"`), scaled(0.86)) +
    group(path(D, light), scaled(0.68)) +
    group(path(D, accent), scaled(0.5)) +
    seeds +
    group(flower + circle(0, 0, 2.6, light), `translate(${CENTRE[0]} ${CENTRE[1] + 4})`) +
    path(
      'M20,-42q-8,10 -2,16',
      'none',
      `stroke="${accent}" stroke-width="${num(rng.range(1.4, 2))}" stroke-linecap="round"`,
    )
  );
}

/** Small four-petal flower used between botehs. */
function rosetteFiller(p: Paint): string {
  const a = color(p, 1);
  let out = '';
  for (let k = 0; k < 4; k++) out += group(ellipse(0, -18, 11, 17, a), `rotate(${k * 90 + 45})`);
  return out + circle(0, 0, 9, own(p, 0));
}

export const buildPaisley: MotifBuilder = (ctx) => {
  const { rng, paint } = ctx;
  const glyphs = [0, 1, 2].map((i) => boteh(rng, paint, own(paint, i)));
  return { type: 'scatter', glyphs, rotation: 180, fillers: [rosetteFiller(paint)] };
};
