import { contrastRatio, ensureContrast, hexToHsl, hslToHex, luminance, mix } from '../color.ts';
import { poissonOnTorus } from '../layout.ts';
import { hashString, Rng } from '../prng.ts';
import { type Instance, type Layer, scatterLayer } from '../tile.ts';
import type { DesignSpec, MotifKind, MotifSpec, Scale } from '../types.ts';
import type { Layout } from '../vocabulary.ts';
import { buildAnimal } from './animal.ts';
import { buildCamouflage } from './camouflage.ts';
import { buildCheck } from './check.ts';
import { buildChevron } from './chevron.ts';
import { buildDrawing } from './drawing.ts';
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
  drawing: buildDrawing,
};

/** Motif diameter as a fraction of the tile. */
const MOTIF_SIZE: Record<Scale, number> = {
  tiny: 0.075,
  small: 0.115,
  medium: 0.17,
  large: 0.26,
  oversized: 0.4,
};
/**
 * Drawings of objects as a fraction of the tile (a tile is about 10 cm on the garment): a medium
 * motif is about 3 cm across, big enough to be recognised at arm's length.
 */
const DRAWING_SIZE: Record<Scale, number> = {
  tiny: 0.12,
  small: 0.2,
  medium: 0.28,
  large: 0.38,
  oversized: 0.55,
};
const DRAWING_SPACING: Record<DesignSpec['density'], number> = {
  sparse: 2,
  scattered: 1.55,
  regular: 1.3,
  dense: 1.05,
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
/** Drawings fill a 100-unit square: its corners, whatever the rotation. */
const DRAWING_BOUND = 72;

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
  return {
    bg,
    own: lead.length > 0 ? lead : colors.slice(0, 1),
    ownIsAsked: lead.length > 0,
    colors,
    leaf: leafColour(spec),
    filler: mix(bg, luminance(bg) > 0.35 ? '#000000' : '#ffffff', 0.12),
  };
}

type Point = { x: number; y: number; cell?: number };

/**
 * Centres for one layout, and the room each has. Grids use a whole number of cells per tile so the
 * repeat stays seamless; the motif is then sized to its cell.
 */
function layoutPoints(
  layout: Layout,
  rng: Rng,
  size: number,
  step: number,
): { points: Point[]; room: number } {
  let room = step;
  const across = (minimum: number, even: boolean) => {
    const n = Math.max(minimum, Math.round(size / step));
    const whole = even && n % 2 === 1 ? n + 1 : n;
    room = size / whole;
    return whole;
  };
  const points = layoutCentres(layout, rng, size, step, across);
  return { points, room };
}

function layoutCentres(
  layout: Layout,
  rng: Rng,
  size: number,
  step: number,
  across: (minimum: number, even: boolean) => number,
): Point[] {
  const out: Point[] = [];
  switch (layout) {
    case 'toss':
      return poissonOnTorus(rng, size, step, 600, 3000);
    case 'grid':
    case 'half-drop': {
      const n = across(layout === 'grid' ? 1 : 2, layout === 'half-drop');
      const cell = size / n;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const drop = layout === 'half-drop' && i % 2 === 1 ? cell / 2 : 0;
          out.push({ x: (i + 0.5) * cell, y: (j + 0.5) * cell + drop, cell: i + j });
        }
      return out;
    }
    case 'rows':
    case 'border': {
      const n = across(1, false);
      const rows = layout === 'border' ? 1 : Math.max(2, 2 * Math.round(size / (step * 1.3) / 2));
      for (let j = 0; j < rows; j++)
        for (let i = 0; i < n; i++) {
          const shift = layout === 'rows' && j % 2 === 1 ? 0.5 : 0;
          out.push({ x: ((i + 0.5 + shift) * size) / n, y: ((j + 0.5) * size) / rows, cell: 0 });
        }
      return out;
    }
  }
}

function pickWeighted<T extends { weight: number }>(items: readonly T[], rng: Rng): T {
  const total = items.reduce((s, m) => s + m.weight, 0);
  const pick = rng.range(0, total);
  let acc = 0;
  return (
    items.find((m) => {
      acc += m.weight;
      return pick < acc;
    }) ?? items[0]
  );
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
  const figurative = motifs.some((m) => m.built.figurative);
  const planned = (figurative ? DRAWING_SIZE : MOTIF_SIZE)[spec.scale] * size;
  const bound = figurative ? DRAWING_BOUND : GLYPH_BOUND;
  const spacing = Math.min(...motifs.map((m) => m.built.spacing ?? 1));
  const step = planned * (figurative ? DRAWING_SPACING : SPACING)[density] * spacing;
  const tossed = spec.layout === 'toss';
  const { points, room } = layoutPoints(spec.layout, rng, size, step);
  // In a grid the cell sets the size: the motif keeps the same share of its cell as planned.
  const diameter = tossed ? planned : (room * planned) / step;
  const instances: Instance[] = [];
  const place = (p: Point, d: number, built: ScatterMotif, glyph: string, upright: boolean) => {
    const scale = d / 100;
    instances.push({
      x: p.x,
      y: p.y,
      rotation: upright ? 0 : rng.range(-built.rotation, built.rotation),
      scale,
      radius: bound * scale,
      svg: glyph,
    });
  };
  for (const p of points) {
    const chosen = pickWeighted(motifs, rng).built;
    const jitter = tossed ? rng.range(figurative ? 0.8 : 0.85, 1.12) : 1;
    const glyph = tossed ? rng.pick(chosen.glyphs) : chosen.glyphs[(p.cell ?? 0) % chosen.glyphs.length];
    place(p, diameter * jitter, chosen, glyph, !tossed);
  }
  const taken = points.map((p) => ({ ...p, r: diameter * 0.62 }));
  // Mixed sizes: smaller copies of the drawings in the gaps of a tossed layout.
  if (figurative && tossed && density !== 'sparse') {
    const small = diameter * 0.55;
    const avoid = taken.map((p) => ({ ...p, r: p.r + small * 0.45 }));
    const gaps = poissonOnTorus(rng, size, small * 1.5, Math.ceil(points.length * 0.6), 1500, avoid);
    for (const p of gaps) {
      const chosen = pickWeighted(motifs, rng).built;
      place(p, small * rng.range(0.85, 1.1), chosen, rng.pick(chosen.glyphs), false);
      taken.push({ ...p, r: small * 0.62 });
    }
  }
  // Fillers (buds, small leaves, dots) go into the gaps of all but sparse layouts.
  const fillers = motifs.flatMap((m) => m.built.fillers ?? []);
  if (fillers.length > 0 && density !== 'sparse' && density !== 'dense') {
    const fd = diameter * (figurative ? 0.22 : 0.42);
    const avoid = taken.map((p) => ({ ...p, r: p.r + fd * 0.4 }));
    for (const p of poissonOnTorus(rng, size, fd * (figurative ? 2.6 : 1.6), 400, 1500, avoid)) {
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
      rendering: spec.rendering,
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
