import { darken, lighten } from '../color.ts';
import { circle, num, path, type Pt, polylinePath, smoothOpenPath } from '../svg.ts';
import { mod, periodRange } from '../tile.ts';
import { color, type MotifBuilder, type MotifContext, own, PERIODS_PER_TILE, partner } from './context.ts';

/**
 * Horizontal waves: y = k*p + A*sin(2*pi*c*x/T + phase). Whole cycles per tile and phases keyed by row
 * index modulo the row count keep every window consistent with the repeat.
 */
function waveLayer(ctx: MotifContext) {
  const { size, paint } = ctx;
  const rows = Math.max(2, PERIODS_PER_TILE[ctx.scale] / 2);
  const py = size / rows;
  const cycles = Math.max(1, rows / 2);
  const amp = py * 0.28;
  const thick = py * 0.34;
  // The waves' own colours (asked, or sea blues), never another motif's: "lighthouses and waves"
  // must not bring lime bands.
  const third = paint.own.length > 2 ? own(paint, 2) : darken(own(paint, 0), 0.18);
  const colours = [own(paint, 0), paint.own.length > 1 ? own(paint, 1) : partner(paint, 1), third];
  const sample = (k: number, x0: number, offset: number): Pt[] => {
    const phase = mod(k, 2) === 1 ? Math.PI / 3 : 0;
    const step = size / (cycles * 24);
    const first = Math.floor((x0 - step * 2) / step);
    const last = Math.ceil((x0 + size + step * 2) / step);
    const pts: Pt[] = [];
    for (let i = first; i <= last; i++) {
      const x = i * step;
      pts.push([x, k * py + offset + amp * Math.sin((2 * Math.PI * cycles * x) / size + phase)]);
    }
    return pts;
  };
  return {
    draw(x0: number, y0: number) {
      let out = '';
      for (const k of periodRange(y0, size, py, amp + thick)) {
        const fill = colours[mod(k, rows) % 2 === 0 ? 0 : 1 + (mod(k, rows) % 4 === 3 ? 1 : 0)];
        const top = sample(k, x0, 0);
        const bottom = sample(k, x0, thick).reverse();
        out += `<path d="${polylinePath([...top, ...bottom])}Z" fill="${fill}"/>`;
        const thin = sample(k, x0, thick + py * 0.2);
        out += `<path d="${polylinePath(thin)}" fill="none" stroke="${lighten(fill, 0.3)}" stroke-width="${num(Math.max(1, py * 0.04))}"/>`;
      }
      return out;
    },
  };
}

/** Abstract brush marks and swirls, placed by the scatter composer. */
function swirlGlyph(ctx: MotifContext, i: number): string {
  const { rng, paint } = ctx;
  const main = own(paint, i);
  const pts: Pt[] = [];
  const turns = rng.range(1.6, 2.4);
  for (let s = 0; s <= 30; s++) {
    const t = s / 30;
    const a = t * turns * Math.PI * 2;
    const r = 4 + 38 * t;
    pts.push([Math.cos(a) * r, Math.sin(a) * r]);
  }
  return (
    path(
      smoothOpenPath(pts),
      'none',
      `stroke="${main}" stroke-width="${num(rng.range(5, 8))}" stroke-linecap="round"`,
    ) + circle(0, 0, 4, darken(main, 0.2))
  );
}

function brushGlyph(ctx: MotifContext, i: number): string {
  const { rng, paint } = ctx;
  const main = color(paint, i);
  const pts: Pt[] = [];
  for (let s = 0; s <= 6; s++) pts.push([-40 + s * 13, rng.range(-14, 14)]);
  let out = path(
    smoothOpenPath(pts),
    'none',
    `stroke="${main}" stroke-width="${num(rng.range(9, 16))}" stroke-linecap="round"`,
  );
  for (let d = 0; d < 4; d++)
    out += circle(rng.range(-36, 36), rng.range(-34, 34), rng.range(2, 5), color(paint, i + 1));
  return out;
}

function squiggleGlyph(ctx: MotifContext, i: number): string {
  const { paint } = ctx;
  const pts: Pt[] = [];
  for (let s = 0; s <= 40; s++) pts.push([-40 + s * 2, Math.sin(s * 0.6) * 10]);
  return path(
    polylinePath(pts),
    'none',
    `stroke="${own(paint, i)}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"`,
  );
}

export const buildWaves: MotifBuilder = (ctx) => {
  const v = ctx.variant;
  if (v === 'swirl' || v === 'abstract' || v === 'squiggle') {
    const glyphs: string[] = [];
    for (let i = 0; i < 4; i++) {
      if (v === 'swirl') glyphs.push(swirlGlyph(ctx, i));
      else if (v === 'squiggle') glyphs.push(squiggleGlyph(ctx, i));
      else glyphs.push(i % 2 === 0 ? brushGlyph(ctx, i) : swirlGlyph(ctx, i));
    }
    return { type: 'scatter', glyphs, rotation: 180 };
  }
  return { type: 'layer', layer: waveLayer(ctx) };
};
