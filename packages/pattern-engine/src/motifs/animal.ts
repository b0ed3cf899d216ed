import { darken, mix } from '../color.ts';
import { poissonOnTorus } from '../layout.ts';
import { cellRandom, type Rng } from '../prng.ts';
import { num, type Pt, polylinePath, smoothClosedPath } from '../svg.ts';
import { type Instance, mod, periodRange, scatterLayer } from '../tile.ts';
import { type MotifBuilder, type MotifContext, own } from './context.ts';
import { blobPath } from './shapes.ts';

const ROSETTE_RADIUS = { tiny: 9, small: 14, medium: 22, large: 34, oversized: 52 } as const;
const ROSETTE_SPACING = { sparse: 3.6, scattered: 3, regular: 2.5, dense: 2.15 } as const;

/** A leopard rosette: a tawny centre ringed by three to five broken, irregular spots. */
function rosette(rng: Rng, r: number, spot: string, centre: string): string {
  let out = `<path d="${blobPath(rng, r * 0.56, 0.4, 8, rng.range(0.9, 1.25))}" fill="${centre}"/>`;
  const arcs = rng.int(3, 5);
  let a = rng.range(0, Math.PI * 2);
  const perArc = (Math.PI * 2) / arcs;
  for (let k = 0; k < arcs; k++) {
    const span = perArc * rng.range(0.55, 0.82);
    const outer: Pt[] = [];
    const inner: Pt[] = [];
    for (let s = 0; s <= 4; s++) {
      const t = a + (span * s) / 4;
      const thick = s === 0 || s === 4 ? 0.12 : rng.range(0.22, 0.34);
      const ro = r * (0.98 + rng.range(-0.06, 0.1));
      outer.push([Math.cos(t) * ro, Math.sin(t) * ro]);
      inner.push([Math.cos(t) * (ro - r * thick), Math.sin(t) * (ro - r * thick)]);
    }
    out += `<path d="${smoothClosedPath([...outer, ...inner.reverse()])}" fill="${spot}"/>`;
    a += perArc;
  }
  return out;
}

function leopard(ctx: MotifContext) {
  const { size, rng, paint } = ctx;
  const spot = own(paint, 0);
  const centre = paint.own[1] ?? mix(paint.bg, spot, 0.3);
  const r = ROSETTE_RADIUS[ctx.scale];
  const points = poissonOnTorus(rng, size, r * ROSETTE_SPACING[ctx.density], 600);
  const instances: Instance[] = points.map((p) => {
    const rr = r * rng.range(0.8, 1.15);
    return { x: p.x, y: p.y, rotation: 0, scale: 1, radius: rr * 1.3, svg: rosette(rng, rr, spot, centre) };
  });
  // Small solid spots in the gaps, as on a real coat.
  const small = poissonOnTorus(
    rng,
    size,
    r * 1.2,
    400,
    1500,
    points.map((p) => ({ ...p, r: r * 1.6 })),
  );
  for (const p of small) {
    const rr = r * rng.range(0.18, 0.3);
    instances.push({
      x: p.x,
      y: p.y,
      rotation: 0,
      scale: 1,
      radius: rr * 1.4,
      svg: `<path d="${blobPath(rng, rr, 0.5, 6)}" fill="${spot}"/>`,
    });
  }
  return scatterLayer(instances, size);
}

const STRIPES_PER_TILE = { tiny: 24, small: 16, medium: 10, large: 6, oversized: 4 } as const;

/**
 * Zebra and tiger: vertical stripes whose edges wobble with whole sine cycles per tile; each stripe's
 * phase and width come from its index modulo the stripe count, so the coat repeats seamlessly.
 */
function stripedCoat(ctx: MotifContext, tiger: boolean) {
  const { size, paint, seed } = ctx;
  const n = STRIPES_PER_TILE[ctx.scale];
  const p = size / n;
  const fill = own(paint, 0);
  const step = size / 96;
  return {
    draw(x0: number, y0: number) {
      let out = '';
      const first = Math.floor((y0 - step) / step);
      const last = Math.ceil((y0 + size + step) / step);
      for (const k of periodRange(x0, size, p, p * 1.5)) {
        const kk = mod(k, n);
        const phase = cellRandom(seed, kk, 1) * Math.PI * 2;
        const phase2 = cellRandom(seed, kk, 2) * Math.PI * 2;
        const amp = p * (0.25 + 0.3 * cellRandom(seed, kk, 3));
        const width = p * (0.36 + 0.2 * cellRandom(seed, kk, 4));
        const left: Pt[] = [];
        const right: Pt[] = [];
        for (let i = first; i <= last; i++) {
          const y = i * step;
          const x = k * p + amp * Math.sin((2 * Math.PI * 2 * y) / size + phase);
          const swell = Math.sin((2 * Math.PI * 3 * y) / size + phase2);
          const w = tiger ? width * Math.max(0.04, swell) : width * (0.6 + 0.4 * swell);
          left.push([x, y]);
          right.push([x + w, y]);
        }
        out += `<path d="${polylinePath([...left, ...right.reverse()])}Z" fill="${fill}"/>`;
      }
      return out;
    },
  };
}

const SCALES_PER_ROW = { tiny: 24, small: 16, medium: 10, large: 6, oversized: 4 } as const;

/** Snakeskin: overlapping rounded scales in offset rows, with a periodic blotch pattern across them. */
function snake(ctx: MotifContext) {
  const { size, paint } = ctx;
  const n = SCALES_PER_ROW[ctx.scale];
  const sw = size / n;
  const m = Math.max(2, Math.round(size / (sw * 0.62) / 2) * 2);
  const sh = size / m;
  const dark = own(paint, 0);
  const light = paint.own[1] ?? mix(paint.bg, dark, 0.35);
  const edge = darken(dark, 0.35);
  return {
    draw(x0: number, y0: number) {
      let out = '';
      for (const j of periodRange(y0, size, sh, sh * 1.6)) {
        const shift = mod(j, 2) === 1 ? sw / 2 : 0;
        for (const i of periodRange(x0 - shift, size, sw, sw)) {
          const x = i * sw + shift;
          const y = j * sh;
          // Two whole cycles of blotches per tile in each direction.
          const v = Math.sin((2 * Math.PI * 2 * x) / size) * Math.cos((2 * Math.PI * 2 * y) / size);
          const fill = v > 0.35 ? dark : v > -0.2 ? mix(light, dark, 0.3) : light;
          out +=
            `<path d="M${num(x - sw / 2)},${num(y)}C${num(x - sw / 2)},${num(y + sh * 1.55)} ` +
            `${num(x + sw / 2)},${num(y + sh * 1.55)} ${num(x + sw / 2)},${num(y)}Z" fill="${fill}" ` +
            `stroke="${edge}" stroke-width="${num(Math.max(0.6, sw * 0.05))}" stroke-opacity="0.6"/>`;
        }
      }
      return out;
    },
  };
}

export const buildAnimal: MotifBuilder = (ctx) => {
  const layer =
    ctx.variant === 'zebra'
      ? stripedCoat(ctx, false)
      : ctx.variant === 'tiger'
        ? stripedCoat(ctx, true)
        : ctx.variant === 'snake'
          ? snake(ctx)
          : leopard(ctx);
  return { type: 'layer', layer };
};
