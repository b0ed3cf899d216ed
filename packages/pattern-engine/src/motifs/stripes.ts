import { num } from '../svg.ts';
import { periodRange } from '../tile.ts';
import { color, type MotifBuilder, own, PERIODS_PER_TILE } from './context.ts';

interface Band {
  offset: number;
  width: number;
  fill: string;
  opacity?: number;
}

type Orientation = 'horizontal' | 'vertical' | 'diagonal';

const opacityAttr = (b: Band) => (b.opacity !== undefined && b.opacity < 1 ? ` opacity="${b.opacity}"` : '');

/**
 * Stripes in plane coordinates. The period divides the tile size, so the pattern is continuous across
 * the seam by construction.
 */
export function stripeLayer(size: number, period: number, bands: readonly Band[], orientation: Orientation) {
  return {
    draw(x0: number, y0: number): string {
      let out = '';
      if (orientation === 'diagonal') {
        // Bands between the lines x + y = c; shifting x or y by the tile size shifts c by whole periods.
        const yTop = y0 - 2;
        const yBot = y0 + size + 2;
        for (const k of periodRange(x0 + y0, size * 2, period, 4)) {
          for (const b of bands) {
            const c0 = k * period + b.offset;
            const c1 = c0 + b.width;
            out +=
              `<path d="M${num(c0 - yTop)},${num(yTop)}L${num(c1 - yTop)},${num(yTop)}` +
              `L${num(c1 - yBot)},${num(yBot)}L${num(c0 - yBot)},${num(yBot)}Z" fill="${b.fill}"${opacityAttr(b)}/>`;
          }
        }
        return out;
      }
      const start = orientation === 'horizontal' ? y0 : x0;
      for (const k of periodRange(start, size, period, 0)) {
        for (const b of bands) {
          const p = num(k * period + b.offset);
          const w = num(b.width);
          out +=
            orientation === 'horizontal'
              ? `<rect x="${num(x0 - 1)}" y="${p}" width="${size + 2}" height="${w}" fill="${b.fill}"${opacityAttr(b)}/>`
              : `<rect x="${p}" y="${num(y0 - 1)}" width="${w}" height="${size + 2}" fill="${b.fill}"${opacityAttr(b)}/>`;
        }
      }
      return out;
    },
  };
}

export const buildStripes: MotifBuilder = (ctx) => {
  const { size, rng, paint, variant } = ctx;
  const main = own(paint, 0);
  let n = PERIODS_PER_TILE[ctx.scale];
  let bands: Band[];
  let orientation: Orientation;
  switch (variant) {
    case 'breton':
      n = Math.max(2, n * 2);
      bands = [{ offset: 0, width: 0.36, fill: main }];
      orientation = 'horizontal';
      break;
    case 'pinstripe':
      n = Math.max(4, n * 2);
      bands = [{ offset: 0, width: 0.07, fill: main }];
      orientation = 'vertical';
      break;
    case 'candy':
      bands = [{ offset: 0, width: 0.5, fill: main }];
      orientation = 'vertical';
      break;
    case 'diagonal':
      bands = [
        { offset: 0, width: 0.42, fill: main },
        { offset: 0.6, width: 0.1, fill: color(paint, 1) },
      ];
      orientation = 'diagonal';
      break;
    default:
      bands = [
        { offset: 0, width: rng.range(0.3, 0.42), fill: main },
        { offset: 0.55, width: rng.range(0.07, 0.12), fill: color(paint, 1) },
      ];
      if (rng.chance(0.5)) bands.push({ offset: 0.78, width: 0.04, fill: color(paint, 2) });
      orientation = rng.chance(0.5) ? 'vertical' : 'horizontal';
  }
  const period = size / n;
  // Pinstripes stay visible at any size.
  const scaled = bands.map((b) => ({
    ...b,
    offset: b.offset * period,
    width: Math.max(1.2, b.width * period),
  }));
  return { type: 'layer', layer: stripeLayer(size, period, scaled, orientation) };
};
