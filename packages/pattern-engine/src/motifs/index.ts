import { contrastRatio, ensureContrast, hexToHsl, hslToHex } from '../color.ts';
import { poissonOnTorus } from '../layout.ts';
import { hashString, Rng } from '../prng.ts';
import { type Instance, type Layer, scatterLayer } from '../tile.ts';
import type { DesignSpec, MotifKind, MotifSpec, Scale } from '../types.ts';
import { buildAnimal } from './animal.ts';
import { buildCamouflage } from './camouflage.ts';
import { buildCheck } from './check.ts';
import { buildChevron } from './chevron.ts';
import type { MotifBuilder, Paint, ScatterMotif } from './context.ts';
import { buildFloral } from './floral.ts';
import { buildFruit } from './fruit.ts';
import { buildGeometric } from './geometric.ts';
import { buildHearts } from './hearts.ts';
import { buildLeaf } from './leaf.ts';
import { buildPaisley } from './paisley.ts';
import { buildPolka } from './polka.ts';
import { buildStars } from './stars.ts';
import { buildStripes } from './stripes.ts';
import { buildWaves } from './waves.ts';

export const MOTIF_BUILDERS: Record<MotifKind, MotifBuilder> = {
  floral: buildFloral,
  leaf: buildLeaf,
  fruit: buildFruit,
  stripes: buildStripes,
  check: buildCheck,
  polka: buildPolka,
  geometric: buildGeometric,
  chevron: buildChevron,
  paisley: buildPaisley,
  animal: buildAnimal,
  camouflage: buildCamouflage,
  waves: buildWaves,
  stars: buildStars,
  hearts: buildHearts,
};

/** Motif diameter as a fraction of the tile. */
const MOTIF_SIZE: Record<Scale, number> = {
  tiny: 0.075,
  small: 0.115,
  medium: 0.17,
  large: 0.26,
  oversized: 0.4,
};
/** Centre spacing as a multiple of the motif diameter. */
const SPACING: Record<DesignSpec['density'], number> = {
  sparse: 1.9,
  scattered: 1.4,
  regular: 1.08,
  dense: 0.8,
};
/** Glyphs are drawn within radius ~50 local units; allow for leaves and stems that poke out a little. */
const GLYPH_BOUND = 62;

function leafColour(spec: DesignSpec): string {
  const bg = spec.palette.background;
  const green = spec.palette.colors.find((c) => {
    const { h, s } = hexToHsl(c);
    return c !== bg && h >= 65 && h <= 170 && s > 0.15 && contrastRatio(c, bg) > 1.3;
  });
  return green ?? ensureContrast(hslToHex({ h: 135, s: 0.35, l: 0.4 }), bg, 1.8);
}

function paintFor(spec: DesignSpec, motif: MotifSpec, index: number): Paint {
  const bg = spec.palette.background;
  const lead = (motif.colors ?? []).filter((c) => c !== bg);
  const rest = spec.palette.colors.filter((c) => c !== bg && !lead.includes(c));
  const rotated = [
    ...rest.slice(index % Math.max(1, rest.length)),
    ...rest.slice(0, index % Math.max(1, rest.length)),
  ];
  let colors = [...lead, ...rotated];
  if (colors.length === 0) colors = [ensureContrast('#808080', bg, 2.5)];
  return { bg, own: lead.length > 0 ? lead : colors.slice(0, 1), colors, leaf: leafColour(spec) };
}

/** All scattered motifs share one placement pass so they interleave instead of piling up. */
function composeScatter(
  motifs: { built: ScatterMotif; weight: number }[],
  spec: DesignSpec,
  rng: Rng,
  overGround: boolean,
): Layer {
  const size = spec.tileSize;
  // Over stripes or checks a regular layout would hide the ground, so open it up a little.
  const density = overGround && spec.density === 'regular' ? 'scattered' : spec.density;
  const diameter = MOTIF_SIZE[spec.scale] * size;
  const spacing = Math.min(...motifs.map((m) => m.built.spacing ?? 1));
  const points = poissonOnTorus(rng, size, diameter * SPACING[density] * spacing, 600, 3000);
  const total = motifs.reduce((s, m) => s + m.weight, 0);
  const instances: Instance[] = [];
  for (const p of points) {
    const pick = rng.range(0, total);
    let acc = 0;
    const chosen =
      motifs.find((m) => {
        acc += m.weight;
        return pick < acc;
      }) ?? motifs[0];
    const jitter = rng.range(0.85, 1.12);
    const scale = (diameter * jitter) / 100;
    const { rotation } = chosen.built;
    instances.push({
      x: p.x,
      y: p.y,
      rotation: rng.range(-rotation, rotation),
      scale,
      radius: GLYPH_BOUND * scale,
      svg: rng.pick(chosen.built.glyphs),
    });
  }
  // Fillers (buds, small leaves, dots) go into the gaps of all but sparse layouts.
  const fillers = motifs.flatMap((m) => m.built.fillers ?? []);
  if (fillers.length > 0 && density !== 'sparse' && density !== 'dense') {
    const fd = diameter * 0.42;
    const avoid = points.map((p) => ({ ...p, r: diameter * 0.62 + fd * 0.4 }));
    for (const p of poissonOnTorus(rng, size, fd * 1.6, 400, 1500, avoid)) {
      const scale = (fd * rng.range(0.8, 1.1)) / 100;
      instances.push({
        x: p.x,
        y: p.y,
        rotation: rng.range(-180, 180),
        scale,
        radius: GLYPH_BOUND * scale,
        svg: rng.pick(fillers),
      });
    }
  }
  return scatterLayer(instances, size);
}

/** Ground layers (stripes, checks, coats) first, in prompt order; scattered motifs on top. */
export function buildLayers(spec: DesignSpec): Layer[] {
  const root = new Rng(spec.seed);
  const grounds: Layer[] = [];
  const scatters: { built: ScatterMotif; weight: number }[] = [];
  spec.motifs.forEach((motif, i) => {
    const label = `${i}:${motif.kind}:${motif.variant ?? ''}`;
    const built = MOTIF_BUILDERS[motif.kind]({
      size: spec.tileSize,
      rng: root.fork(`motif:${label}`),
      paint: paintFor(spec, motif, i),
      scale: spec.scale,
      density: spec.density,
      variant: motif.variant ?? '',
      style: spec.style,
      seed: hashString(label, spec.seed),
    });
    if (built.type === 'layer') grounds.push(built.layer);
    else scatters.push({ built, weight: scatters.length === 0 ? 1 : 0.7 });
  });
  const layers = [...grounds];
  if (scatters.length > 0)
    layers.push(composeScatter(scatters, spec, root.fork('scatter'), grounds.length > 0));
  return layers;
}
