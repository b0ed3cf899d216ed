import { lighten } from '../color.ts';
import { color, type MotifBuilder, own, PERIODS_PER_TILE } from './context.ts';
import { stripeLayer } from './stripes.ts';

/** Woven checks are the same band set in both directions; translucency makes the crossings darker. */
export const buildCheck: MotifBuilder = (ctx) => {
  const { size, rng, paint, variant } = ctx;
  const main = own(paint, 0);
  const base = PERIODS_PER_TILE[ctx.scale];
  let period: number;
  let bands: { offset: number; width: number; fill: string; opacity?: number }[];
  if (variant === 'plaid' || variant === 'tartan') {
    period = size / Math.max(1, base / 4);
    const p = period;
    bands = [
      { offset: 0, width: p * rng.range(0.26, 0.34), fill: main, opacity: 0.55 },
      { offset: p * 0.42, width: p * 0.1, fill: color(paint, 1), opacity: 0.6 },
      { offset: p * 0.58, width: Math.max(1.5, p * 0.025), fill: color(paint, 2), opacity: 0.9 },
      { offset: p * 0.7, width: p * 0.16, fill: main, opacity: 0.35 },
      {
        offset: p * 0.9,
        width: Math.max(1.2, p * 0.012),
        fill: lighten(color(paint, 1), 0.5),
        opacity: 0.85,
      },
    ];
    if (variant === 'tartan')
      bands.push({ offset: p * 0.15, width: Math.max(1.2, p * 0.012), fill: color(paint, 2) });
  } else if (variant === 'windowpane') {
    period = size / Math.max(1, base / 2);
    bands = [{ offset: 0, width: Math.max(1.5, period * 0.03), fill: main }];
  } else {
    period = size / base;
    bands = [{ offset: 0, width: period / 2, fill: main, opacity: 0.55 }];
  }
  const vertical = stripeLayer(size, period, bands, 'vertical');
  const horizontal = stripeLayer(size, period, bands, 'horizontal');
  return {
    type: 'layer',
    layer: { draw: (x0, y0) => vertical.draw(x0, y0) + horizontal.draw(x0, y0) },
  };
};
