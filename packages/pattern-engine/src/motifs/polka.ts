import { lighten } from '../color.ts';
import { poissonOnTorus } from '../layout.ts';
import { circle } from '../svg.ts';
import { mod, periodRange, scatterLayer } from '../tile.ts';
import { color, type MotifBuilder, own } from './context.ts';

const DOT_RADIUS = { sparse: 0.14, scattered: 0.18, regular: 0.22, dense: 0.3 } as const;
/** Even counts, so the half-drop repeats within the tile. */
const CELLS = { tiny: 16, small: 10, medium: 8, large: 4, oversized: 2 } as const;

/**
 * Classic polka dots sit on a half-drop grid (odd columns shifted half a cell); an even column count keeps
 * the drop periodic. "Scattered" dots are placed freely with wrap copies instead.
 */
export const buildPolka: MotifBuilder = (ctx) => {
  const { size, paint, rng } = ctx;
  const n = CELLS[ctx.scale];
  const cell = size / n;
  const main = own(paint, 0);
  if (ctx.density === 'scattered' || ctx.density === 'sparse') {
    const r = cell * 0.2;
    const points = poissonOnTorus(rng, size, cell * (ctx.density === 'sparse' ? 1.3 : 0.9), n * n);
    const instances = points.map((p, i) => {
      const rr = r * rng.range(0.7, 1.25);
      const fill = i % 5 === 4 ? color(paint, 1) : main;
      return { x: p.x, y: p.y, rotation: 0, scale: 1, radius: rr + 1, svg: circle(0, 0, rr, fill) };
    });
    return { type: 'layer', layer: scatterLayer(instances, size) };
  }
  const r = cell * DOT_RADIUS[ctx.density];
  const highlight = ctx.style === 'vintage' ? '' : lighten(main, 0.25);
  return {
    type: 'layer',
    layer: {
      draw(x0, y0) {
        let out = '';
        for (const i of periodRange(x0, size, cell, r)) {
          const drop = mod(i, 2) === 1 ? cell / 2 : 0;
          for (const j of periodRange(y0 - drop, size, cell, r)) {
            const cx = (i + 0.5) * cell;
            const cy = (j + 0.5) * cell + drop;
            out += circle(cx, cy, r, main);
            if (highlight && r > 6)
              out += circle(cx - r * 0.3, cy - r * 0.3, r * 0.22, highlight, 'opacity="0.5"');
          }
        }
        return out;
      },
    },
  };
};
