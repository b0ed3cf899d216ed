import { num, type Pt, polygonPath, polylinePath } from '../svg.ts';
import { mod, periodRange } from '../tile.ts';
import { color, type MotifBuilder, own, PERIODS_PER_TILE } from './context.ts';

/**
 * Chevron rows: zigzag polylines sampled at half-period steps on a global grid, so vertex parity (peak or
 * valley) depends only on the plane position and the rows repeat exactly every tile.
 */
export const buildChevron: MotifBuilder = (ctx) => {
  const { size, paint, variant } = ctx;
  const n = Math.max(2, PERIODS_PER_TILE[ctx.scale] / 2);
  const px = size / n;
  const rows = n * 2;
  const py = size / rows;
  const amp = px / 2;
  const zigzag = variant === 'zigzag';
  const thickness = zigzag ? Math.max(2, py * 0.22) : py * 0.5;
  const fills = [own(paint, 0), color(paint, 1)];

  const line = (baseY: number, x0: number, dy: number): Pt[] => {
    const pts: Pt[] = [];
    const step = px / 2;
    const first = Math.floor((x0 - px) / step);
    const last = Math.ceil((x0 + size + px) / step);
    for (let i = first; i <= last; i++) pts.push([i * step, baseY + dy + (mod(i, 2) === 1 ? amp : 0)]);
    return pts;
  };

  return {
    type: 'layer',
    layer: {
      draw(x0, y0) {
        let out = '';
        for (const k of periodRange(y0, size, py, amp + thickness)) {
          const fill = fills[mod(k, 2)];
          const top = line(k * py, x0, 0);
          if (zigzag) {
            out += `<path d="${polylinePath(top)}" fill="none" stroke="${fill}" stroke-width="${num(thickness)}" stroke-linejoin="miter"/>`;
          } else {
            const bottom = line(k * py, x0, thickness).reverse();
            out += `<path d="${polygonPath([...top, ...bottom])}" fill="${fill}"/>`;
          }
        }
        return out;
      },
    },
  };
};
