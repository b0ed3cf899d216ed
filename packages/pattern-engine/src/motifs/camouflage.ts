import { poissonOnTorus } from '../layout.ts';
import { type Instance, scatterLayer } from '../tile.ts';
import { color, type MotifBuilder, own } from './context.ts';
import { blobPath } from './shapes.ts';

const BLOB_RADIUS = { tiny: 18, small: 28, medium: 40, large: 58, oversized: 84 } as const;

/** Woodland camo: three passes of irregular, stretched blobs over the ground colour (four colours in all). */
export const buildCamouflage: MotifBuilder = (ctx) => {
  const { size, rng, paint } = ctx;
  const base = BLOB_RADIUS[ctx.scale];
  const colours = [own(paint, 0), paint.own[1] ?? color(paint, 1), paint.own[2] ?? color(paint, 2)];
  const instances: Instance[] = [];
  [1.2, 0.95, 0.65].forEach((factor, pass) => {
    const r = base * factor;
    // Later passes are sparser so the lead colour and the ground both stay visible.
    const points = poissonOnTorus(rng, size, r * (1.9 + pass * 0.45), 400);
    for (const p of points) {
      const stretch = rng.range(1.3, 1.9);
      const d = blobPath(rng, r, 0.6, 9, stretch);
      instances.push({
        x: p.x,
        y: p.y,
        rotation: rng.range(-180, 180),
        scale: 1,
        radius: r * stretch * 1.35,
        svg: `<path d="${d}" fill="${colours[pass]}"/>`,
      });
    }
  });
  return { type: 'layer', layer: scatterLayer(instances, size) };
};
