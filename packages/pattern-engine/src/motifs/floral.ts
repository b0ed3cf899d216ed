import { darken, detailOf, lighten, mix } from '../color.ts';
import type { Rng } from '../prng.ts';
import { circle, ellipse, group, num, path, type Pt, smoothOpenPath } from '../svg.ts';
import { accentFor, type MotifBuilder, own, type Paint } from './context.ts';
import { leafWithVein, notchedPetalPath, petalPath } from './shapes.ts';

type Flower = (rng: Rng, p: Paint, main: string) => string;

/** Two or three leaves tucked behind a bloom, pointing outward. */
function backLeaves(rng: Rng, p: Paint, count: number, from: number, len: number, width: number): string {
  let out = '';
  const start = rng.range(0, 360);
  for (let i = 0; i < count; i++) {
    const a = start + (i * 360) / count + rng.range(-25, 25);
    const bend = rng.range(-4, 4);
    out += group(
      leafWithVein(len, width, p.leaf, lighten(p.leaf, 0.35), bend),
      `rotate(${num(a)}) translate(${from} 0)`,
    );
  }
  return out;
}

const flower: Flower = (rng, p, main) => {
  const n = rng.int(5, 8);
  const radius = 30;
  const width = radius * (n <= 5 ? 0.62 : 0.46);
  const rot = rng.range(0, 360);
  const edge = `stroke="${detailOf(main, 0.25)}" stroke-width="0.8" stroke-opacity="0.5"`;
  const inner = lighten(main, 0.38);
  const centre = accentFor(p, main);
  let petals = '';
  for (let k = 0; k < n; k++) {
    petals += group(path(petalPath(radius, width), main, edge), `rotate(${num(rot + (k * 360) / n)})`);
  }
  for (let k = 0; k < n; k++) {
    petals += group(
      path(petalPath(radius * 0.6, width * 0.62), inner),
      `rotate(${num(rot + (k + 0.5) * (360 / n))})`,
    );
  }
  let stamens = '';
  for (let k = 0; k < 9; k++) {
    const a = (k / 9) * Math.PI * 2;
    stamens += circle(Math.cos(a) * 9.5, Math.sin(a) * 9.5, 1.4, detailOf(centre, 0.35));
  }
  return (
    backLeaves(rng, p, rng.int(2, 3), 14, 32, 10) +
    petals +
    circle(0, 0, 7.5, centre) +
    circle(-1.6, -1.8, 2.6, lighten(centre, 0.35), 'opacity="0.8"') +
    stamens
  );
};

const rose: Flower = (rng, p, main) => {
  const rot = rng.range(0, 360);
  const deep = darken(main, 0.14);
  const light = lighten(main, 0.18);
  const line = `stroke="${darken(main, 0.32)}" stroke-width="1" stroke-opacity="0.55"`;
  let out = backLeaves(rng, p, 3, 16, 30, 11);
  for (let k = 0; k < 5; k++)
    out += group(path(petalPath(31, 24), deep, line), `rotate(${num(rot + k * 72)})`);
  for (let k = 0; k < 5; k++)
    out += group(path(petalPath(23, 18), main, line), `rotate(${num(rot + 36 + k * 72)})`);
  out += circle(0, 0, 13, light, line);
  // The spiral of the bud reads as "rose" at any scale.
  const spiral: Pt[] = [];
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    const a = rot * (Math.PI / 180) + t * Math.PI * 3.4;
    const r = 1.5 + 10 * t;
    spiral.push([Math.cos(a) * r, Math.sin(a) * r]);
  }
  out += path(
    smoothOpenPath(spiral),
    'none',
    `stroke="${darken(main, 0.35)}" stroke-width="2" stroke-linecap="round" opacity="0.85"`,
  );
  return out;
};

const daisy: Flower = (rng, p, main) => {
  const n = rng.int(12, 16);
  const rot = rng.range(0, 360);
  const centre = accentFor(p, main);
  const edge = `stroke="${detailOf(main, 0.3)}" stroke-width="0.7" stroke-opacity="0.45"`;
  let out = backLeaves(rng, p, 2, 12, 30, 9);
  for (let k = 0; k < n; k++)
    out += group(ellipse(0, -19, 4.6, 14, main, edge), `rotate(${num(rot + (k * 360) / n)})`);
  out += circle(0, 0, 9, centre);
  for (let k = 0; k < 7; k++) {
    const a = rng.range(0, Math.PI * 2);
    const r = rng.range(1, 6);
    out += circle(Math.cos(a) * r, Math.sin(a) * r, 1.1, darken(centre, 0.3), 'opacity="0.7"');
  }
  return out;
};

const sunflower: Flower = (rng, p, main) => {
  const n = 16;
  const rot = rng.range(0, 360);
  const centre = mix(darken(main, 0.55), '#4a2c12', 0.6);
  let out = backLeaves(rng, p, 2, 16, 30, 11);
  for (let k = 0; k < n; k++)
    out += group(path(petalPath(34, 6, true), darken(main, 0.1)), `rotate(${num(rot + (k + 0.5) * 22.5)})`);
  for (let k = 0; k < n; k++)
    out += group(path(petalPath(31, 5.5, true), main), `rotate(${num(rot + k * 22.5)})`);
  out += circle(0, 0, 14, centre);
  for (let k = 0; k < 22; k++) {
    const a = k * 2.4;
    const r = Math.sqrt(k / 22) * 11.5;
    out += circle(Math.cos(a) * r, Math.sin(a) * r, 1.1, lighten(centre, 0.25));
  }
  return out;
};

const blossom: Flower = (rng, p, main) => {
  const rot = rng.range(0, 360);
  const ink = detailOf(accentFor(p, main), 0.2);
  let out = rng.chance(0.6) ? backLeaves(rng, p, 1, 14, 28, 9) : '';
  for (let k = 0; k < 5; k++) {
    out += group(
      path(
        notchedPetalPath(28, 14),
        main,
        `stroke="${detailOf(main, 0.2)}" stroke-width="0.8" stroke-opacity="0.4"`,
      ),
      `rotate(${num(rot + k * 72)})`,
    );
  }
  out += circle(0, 0, 7, lighten(main, 0.45));
  for (let k = 0; k < 7; k++) {
    const a = ((rot + k * 51) * Math.PI) / 180;
    const x = Math.cos(a) * 11;
    const y = Math.sin(a) * 11;
    out += path(`M0,0L${num(x)},${num(y)}`, 'none', `stroke="${ink}" stroke-width="0.9"`);
    out += circle(x, y, 1.6, ink);
  }
  return out;
};

const tulip: Flower = (rng, p, main) => {
  const lean = rng.range(-12, 12);
  const stem = `stroke="${p.leaf}" stroke-width="3" stroke-linecap="round"`;
  return group(
    path(`M0,-2Q${num(lean * 0.3)},22 0,46`, 'none', stem) +
      group(leafWithVein(40, 9, p.leaf, lighten(p.leaf, 0.3), -3), 'translate(0 44) rotate(-70)') +
      path(
        'M-15,-6C-18,-22 -12,-34 -9,-38L-4,-25L0,-40L4,-25L9,-38C12,-34 18,-22 15,-6C11,4 -11,4 -15,-6Z',
        main,
      ) +
      path('M-4,-25L0,-40L4,-25C6,-14 4,-2 0,2C-4,-2 -6,-14 -4,-25Z', lighten(main, 0.3)) +
      path(
        'M-15,-6C-11,4 11,4 15,-6',
        'none',
        `stroke="${darken(main, 0.25)}" stroke-width="1" opacity="0.6"`,
      ),
    `rotate(${num(lean)}) translate(0 -4)`,
  );
};

/** Small filler: a bud on a curved stem with two leaves. */
function bud(rng: Rng, p: Paint, main: string): string {
  const stem = `stroke="${p.leaf}" stroke-width="3" stroke-linecap="round"`;
  return (
    path('M0,40Q-8,10 0,-18', 'none', stem) +
    group(leafWithVein(26, 9, p.leaf, lighten(p.leaf, 0.35), 2), 'translate(-3 18) rotate(-150)') +
    group(leafWithVein(24, 8, p.leaf, lighten(p.leaf, 0.35), -2), 'translate(-2 6) rotate(-30)') +
    ellipse(0, -26, 11, 15, main) +
    path('M-11,-24C-6,-12 6,-12 11,-24C8,-16 -8,-16 -11,-24Z', p.leaf) +
    ellipse(-3, -31, 3, 5, lighten(main, 0.4), `opacity="${num(rng.range(0.5, 0.8))}"`)
  );
}

function dotCluster(rng: Rng, main: string): string {
  let out = '';
  for (let i = 0; i < 3; i++) {
    const a = (i * 2 * Math.PI) / 3 + rng.range(-0.3, 0.3);
    out += circle(Math.cos(a) * 20, Math.sin(a) * 20, 11, main);
  }
  return out;
}

const MAKERS: Record<string, Flower[]> = {
  rose: [rose],
  daisy: [daisy],
  sunflower: [sunflower],
  blossom: [blossom],
  tulip: [tulip],
  hibiscus: [flower],
  flower: [flower],
  mixed: [flower, rose, daisy, blossom],
};

export const buildFloral: MotifBuilder = (ctx) => {
  const { rng, paint } = ctx;
  const makers = MAKERS[ctx.variant] ?? MAKERS.mixed;
  const glyphs: string[] = [];
  for (let i = 0; i < 4; i++) glyphs.push(makers[i % makers.length](rng, paint, own(paint, i)));
  const fillers = [
    bud(rng, paint, own(paint, 0)),
    bud(rng, paint, own(paint, 1)),
    dotCluster(rng, accentFor(paint, own(paint, 0))),
  ];
  return { type: 'scatter', glyphs, rotation: ctx.variant === 'tulip' ? 20 : 180, fillers };
};
