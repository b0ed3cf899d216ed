import { contrastRatio, darken, detailOf, hexToHsl, hslToHex, lighten, luminance } from '../color.ts';
import type { Rng } from '../prng.ts';
import type { Layer } from '../tile.ts';
import type { Density, Scale, Style } from '../types.ts';

/** The colours one motif may use: `own` are its lead colours (bound in the prompt), `colors` everything. */
export interface Paint {
  bg: string;
  own: string[];
  /** Whether `own` are colours the prompt gave this motif (rather than palette fill-ins). */
  ownIsAsked: boolean;
  colors: string[];
  leaf: string;
  /** A quiet tone of the ground for dots between drawings that keep their natural colours. */
  filler: string;
}

export interface MotifContext {
  size: number;
  rng: Rng;
  paint: Paint;
  scale: Scale;
  density: Density;
  variant: string;
  style: Style;
  rendering: 'colour' | 'line';
  /** Seed for stateless per-cell randomness in periodic layers. */
  seed: number;
}

/** Scattered motifs return drawings in local units (radius ~50); the composer places them. */
export interface ScatterMotif {
  type: 'scatter';
  glyphs: string[];
  /** Max absolute rotation in degrees; 180 means any angle. */
  rotation: number;
  /** Smaller companions tucked into the gaps (buds, dots, small leaves). */
  fillers?: string[];
  /** Multiplier on the layout's centre spacing; below 1 lets motifs overlap. */
  spacing?: number;
  /** Objects drawn whole (a cat, a cup): sized to be recognised on the garment, kept upright. */
  figurative?: boolean;
}

export interface LayerMotif {
  type: 'layer';
  layer: Layer;
}

export type BuiltMotif = ScatterMotif | LayerMotif;
export type MotifBuilder = (ctx: MotifContext) => BuiltMotif;

export const own = (p: Paint, i: number): string => p.own[i % p.own.length];
export const color = (p: Paint, i: number): string => p.colors[i % p.colors.length];

/**
 * A companion colour for two-tone motifs. When the prompt gave this motif its colours, it stays
 * within them ("red hearts" are red and a deeper red, never another motif's gold).
 */
export function partner(p: Paint, i: number): string {
  if (!p.ownIsAsked) return color(p, i);
  if (p.own.length > 1) return p.own[i % p.own.length];
  const main = p.own[0];
  return i % 2 === 1 ? detailOf(main, 0.28) : lighten(main, 0.3);
}

/** A second colour that reads against `main`, for flower centres, seeds and trims. */
export function accentFor(p: Paint, main: string, offset = 0): string {
  const candidates = p.colors.filter((c) => c !== main && contrastRatio(c, main) > 1.35);
  if (candidates.length > 0) return candidates[offset % candidates.length];
  return detailOf(main, 0.4);
}

/** Cell indices per tile for periodic layers; always a divisor-friendly integer. */
export const PERIODS_PER_TILE: Record<Scale, number> = {
  tiny: 32,
  small: 16,
  medium: 8,
  large: 4,
  oversized: 2,
};

/** Dark companion of a colour for outlines, keeping a trace of its hue. */
export function inkOf(hex: string): string {
  const { h, s } = hexToHsl(hex);
  return luminance(hex) < 0.08 ? hslToHex({ h, s: s * 0.6, l: 0.35 }) : darken(hex, 0.45);
}
