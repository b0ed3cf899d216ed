import {
  contrastRatio,
  ensureContrast,
  type Hsl,
  hexToHsl,
  hslToHex,
  hueDistance,
  luminance,
  mix,
} from './color.ts';
import { isLineDrawing } from './library/drawings.ts';
import type { Rng } from './prng.ts';
import type { MotifSpec, Style } from './types.ts';
import type { PaletteModifier } from './vocabulary.ts';

export interface ColourMention {
  name: string;
  hex: string;
  role: 'background' | 'motif' | 'free';
  motifIndex?: number;
  /** Mentions joined by "and" share a group ("burgundy and mustard paisley"). */
  group: number;
}

export interface PaletteInput {
  requestColors: readonly string[];
  mentions: readonly ColourMention[];
  motifs: readonly MotifSpec[];
  style: Style;
  modifiers: readonly PaletteModifier[];
  rendering: 'colour' | 'line';
  rng: Rng;
}

export interface PaletteResult {
  background: string;
  /** Full palette, <= 6, request and named colours first. */
  paletteColors: string[];
  /** The design record's colours, <= 5. */
  recordColors: string[];
  /** Lead colours per motif, aligned with input.motifs. */
  motifColors: string[][];
}

/** The colour a motif has in nature, used when the prompt gives it none ("lemons" are yellow). */
const NATURAL_COLOUR: Record<string, string[]> = {
  lemon: ['#f5cf3a'],
  cherry: ['#c8283a'],
  strawberry: ['#e2403f'],
  // Hearts are red and stars gold unless the prompt says otherwise.
  hearts: ['#e0474c'],
  stars: ['#f2b92b'],
  orange: ['#f08a24'],
  sunflower: ['#f2b92b'],
  blossom: ['#e8849f', '#fbe3ea'],
  rose: ['#c94a5d', '#e98a9a'],
  tulip: ['#e0474c', '#f39a4b'],
  hibiscus: ['#e0474c'],
  waves: ['#2f7fb5', '#8cc7e3'],
  honeycomb: ['#b7791f', '#f2b92b', '#f7d774'],
  daisy: ['#ffffff', '#f2c230'],
  leaf: ['#3f7d4e'],
  sprig: ['#4f8a5b'],
  monstera: ['#2f6b45', '#4f8f55'],
  palm: ['#3f7d4e', '#6b9f4a'],
  fern: ['#4f8a5b'],
  tropical: ['#2f6b45', '#6aa85e'],
  leopard: ['#2b1d14', '#8a5a2b'],
  zebra: ['#1d1d1d'],
  tiger: ['#1d1d1d'],
  snake: ['#5b4a33', '#8f7b55'],
  camouflage: ['#4f5b34', '#7a6a48', '#2f3324'],
};

const NATURAL_GROUND: Record<string, string> = {
  leopard: '#d6a45c',
  zebra: '#f3efe6',
  tiger: '#e07b2a',
  snake: '#d4c6a3',
  camouflage: '#8f8a60',
};

/** Things drawn whole, whose colours are their own; stripes, checks, dots and paisley take a colour as ground. */
const OBJECT_KINDS = new Set<MotifSpec['kind']>(['floral', 'leaf', 'fruit', 'drawing', 'stars', 'hearts']);

/** Motifs drawn with leaves or stems want a green in the palette. */
const NEEDS_GREEN = new Set(['floral', 'fruit']);

/** Grounds for drawings when the prompt names none: quiet, so the drawings keep their own colours. */
const DRAWING_GROUNDS: Record<Style, string[]> = {
  casual: ['#f7f1e3', '#eef3f6', '#fbefea', '#f1f4ea', '#ffffff'],
  formal: ['#1f2a44', '#f3ead3', '#2b2d31'],
  sporty: ['#ffffff', '#1d2b3a', '#eef3f6'],
  vintage: ['#efe3c8', '#e8dcc0', '#f3ead3'],
};

/** Outline colour for line drawings nobody gave a colour: a near-black or near-white in the ground's hue. */
function inkFor(background: string): string {
  const { h, s } = hexToHsl(background);
  return hslToHex({ h, s: Math.min(s, 0.3), l: luminance(background) > 0.35 ? 0.2 : 0.92 });
}

/** Lighter and darker tones of the named colours: more to draw with, no hue nobody asked for. */
function tonesOf(colours: readonly string[], count: number): string[] {
  return colours
    .slice(0, Math.max(0, count))
    .map((c) => (hexToHsl(c).l < 0.5 ? mix(c, '#ffffff', 0.45) : mix(c, '#000000', 0.35)));
}

const NON_BG_TARGET: Record<Style, number> = { formal: 2, sporty: 3, casual: 4, vintage: 3 };

const SCHEMES: Record<Style, number[][]> = {
  casual: [
    [30, -30, 150, 60],
    [120, 240, 60, 180],
    [150, 210, 30, -30],
  ],
  formal: [
    [25, -25, 180, 50],
    [0, 15, -15, 180],
  ],
  sporty: [
    [180, 150, 210, 60],
    [120, 240, 180, 60],
  ],
  vintage: [
    [30, -30, 60, 180],
    [180, 30, 150, -30],
  ],
};

/** Looks a motif up by variant first ("lemon"), then by kind ("camouflage"). */
const natural = <T>(table: Record<string, T>, motif: MotifSpec | undefined): T | undefined =>
  motif ? ((motif.variant ? table[motif.variant] : undefined) ?? table[motif.kind]) : undefined;

/** Vintage pulls hues toward a warm ochre; the rest of the styles keep the hue. */
function warm(h: number): number {
  const target = 35;
  const d = ((target - h + 540) % 360) - 180;
  return h + d * 0.3;
}

function applyModifiers(hsl: Hsl, modifiers: readonly PaletteModifier[]): Hsl {
  let { h, s, l } = hsl;
  for (const m of modifiers) {
    if (m === 'pastel') {
      l = Math.max(l, 0.8);
      s = Math.min(s, 0.6);
    } else if (m === 'muted') s *= 0.6;
    else if (m === 'bright') s = Math.max(s, 0.9);
    else if (m === 'dark') l = Math.min(l, 0.3);
    else if (m === 'light') l = Math.max(l, 0.75);
  }
  h = ((h % 360) + 360) % 360;
  return { h, s, l };
}

/** A harmony fill for the given hue, with saturation and lightness set by the style. */
function styledFill(
  h: number,
  style: Style,
  bgDark: boolean,
  rng: Rng,
  mods: readonly PaletteModifier[],
): string {
  let hsl: Hsl;
  switch (style) {
    case 'casual':
      hsl = { h, s: rng.range(0.58, 0.8), l: bgDark ? rng.range(0.6, 0.72) : rng.range(0.5, 0.64) };
      break;
    case 'formal':
      hsl = { h, s: rng.range(0.22, 0.42), l: bgDark ? rng.range(0.6, 0.75) : rng.range(0.22, 0.36) };
      break;
    case 'sporty':
      hsl = { h, s: rng.range(0.78, 0.92), l: rng.range(0.45, 0.55) };
      break;
    case 'vintage':
      hsl = { h: warm(h), s: rng.range(0.22, 0.38), l: bgDark ? rng.range(0.55, 0.7) : rng.range(0.42, 0.6) };
      break;
  }
  return hslToHex(applyModifiers(hsl, mods));
}

/** Natural motif colours keep their hue but take on the style's character. */
function styleNatural(hex: string, style: Style): string {
  const hsl = hexToHsl(hex);
  if (style === 'vintage') return hslToHex({ h: warm(hsl.h), s: hsl.s * 0.55, l: hsl.l });
  if (style === 'sporty') return hslToHex({ ...hsl, s: Math.min(1, hsl.s * 1.25 + 0.1) });
  if (style === 'formal') return hslToHex({ ...hsl, s: hsl.s * 0.75, l: hsl.l * 0.9 });
  return hex;
}

function generateBackground(lead: string, style: Style, mods: readonly PaletteModifier[], rng: Rng): string {
  const { h } = hexToHsl(lead);
  const leadLum = luminance(lead);
  if (mods.includes('dark')) return hslToHex({ h: h + 180, s: 0.3, l: 0.13 });
  if (mods.includes('pastel') || mods.includes('light'))
    return leadLum > 0.6 ? hslToHex({ h: h + 180, s: 0.3, l: 0.25 }) : hslToHex({ h, s: 0.4, l: 0.95 });
  switch (style) {
    case 'casual':
      return leadLum > 0.55
        ? hslToHex({ h: h + 180, s: 0.4, l: 0.2 })
        : hslToHex({ h: h + rng.range(-20, 20), s: 0.45, l: 0.95 });
    case 'formal':
      return leadLum < 0.1
        ? hslToHex({ h: 40, s: 0.3, l: 0.93 })
        : hslToHex({ h: rng.pick([222, 226, 348, 160]), s: 0.38, l: 0.14 });
    case 'sporty':
      return leadLum > 0.3
        ? hslToHex({ h: h + 180, s: 0.8, l: 0.17 })
        : hslToHex({ h: h + 180, s: 0.9, l: 0.55 });
    case 'vintage':
      return leadLum > 0.5 ? hslToHex({ h: 20, s: 0.32, l: 0.2 }) : hslToHex({ h: 40, s: 0.3, l: 0.9 });
  }
}

const dedupe = (xs: readonly string[]): string[] => [...new Set(xs)];

function tooClose(a: string, others: readonly string[]): boolean {
  const ha = hexToHsl(a);
  return others.some((o) => {
    const hb = hexToHsl(o);
    return hueDistance(ha.h, hb.h) < 14 && Math.abs(ha.l - hb.l) < 0.12 && Math.abs(ha.s - hb.s) < 0.25;
  });
}

/**
 * Named and request colours are kept verbatim; everything the prompt left out (ground, natural motif
 * colours, harmony fills) is derived in HSL from the lead colour and shaped by the style.
 */
export function buildPalette(input: PaletteInput): PaletteResult {
  const { mentions, motifs, style, modifiers, rng } = input;
  const request = dedupe(input.requestColors);
  const named = dedupe(mentions.map((m) => m.hex));
  const motifColors: string[][] = motifs.map(() => []);

  // 1. Background: explicit ("on cream", "navy dress"), else a free colour, else the first of a group.
  let background: string | undefined = mentions.find((m) => m.role === 'background')?.hex;
  const totalColours = dedupe([...named, ...request]).length;
  if (!background && totalColours >= 2) {
    background =
      mentions.find((m) => m.role === 'free')?.hex ?? (named.length === 0 ? request[0] : undefined);
  }
  if (!background) {
    const groups = new Map<number, ColourMention[]>();
    for (const m of mentions)
      if (m.role === 'motif') groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const kind = motifs[g[0].motifIndex ?? 0]?.kind;
      // "Red and yellow tulips" are red and yellow flowers, not flowers on red.
      if (kind && OBJECT_KINDS.has(kind)) continue;
      // Gingham and plaid read as colour bands on a light ground.
      background =
        kind === 'check' ? [...g].sort((a, b) => luminance(b.hex) - luminance(a.hex))[0].hex : g[0].hex;
      break;
    }
  }

  // 2. Motif colours: bound mentions, then free colours for motifs that have none.
  for (const m of mentions) {
    if (m.role === 'motif' && m.motifIndex !== undefined && m.hex !== background)
      motifColors[m.motifIndex].push(m.hex);
  }
  const free = dedupe([...mentions.filter((m) => m.role === 'free').map((m) => m.hex), ...request]).filter(
    (c) => c !== background,
  );
  let freeIdx = 0;
  for (const list of motifColors) {
    if (list.length === 0 && freeIdx < free.length) list.push(free[freeIdx++]);
  }
  // Colours bound to one motif are still welcome on a ground layer that has none yet.
  const anyMotifColour = motifColors.find((l) => l.length > 0)?.[0];

  // 3. Ground, if nothing named it.
  const leadRaw =
    anyMotifColour ??
    natural(NATURAL_COLOUR, motifs[0])?.[0] ??
    styledFill(rng.range(0, 360), style, false, rng, modifiers);
  if (!background && motifs[0]?.kind === 'drawing') background = rng.pick(DRAWING_GROUNDS[style]);
  if (!background) {
    const naturalGround = natural(NATURAL_GROUND, motifs[0]);
    // Coats and camo keep their natural ground, tinted toward the colour asked for.
    background = naturalGround
      ? styleNatural(totalColours === 0 ? naturalGround : mix(naturalGround, leadRaw, 0.3), style)
      : generateBackground(leadRaw, style, modifiers, rng);
  }
  const bgDark = luminance(background) < 0.3;
  const minContrast = style === 'formal' ? 1.5 : 1.8;

  // 4. Natural colours for motifs still uncoloured, plus a green for botanical details.
  const hints: string[] = [];
  motifs.forEach((motif, i) => {
    const colours = natural(NATURAL_COLOUR, motif);
    if (!colours) return;
    if (motifColors[i].length > 0) {
      // "Coral lemons" keep a few yellow ones as a counterpoint; other motifs keep to what was asked.
      // Camo needs its full set of earth tones whatever the lead colour is.
      const extra = motif.kind === 'fruit' ? colours.slice(0, 1) : motif.kind === 'camouflage' ? colours : [];
      for (const hex of extra) {
        const c = ensureContrast(styleNatural(hex, style), background, minContrast);
        if (!tooClose(c, motifColors[i])) {
          motifColors[i].push(c);
          hints.push(c);
        }
      }
      return;
    }
    // A coat asked on a ground as dark as its stripes ("tiger print on a black dress") swaps its
    // roles: the coat's own ground colour draws the stripes, so the print still reads as a tiger's.
    const coatGround = natural(NATURAL_GROUND, motif);
    const swapped =
      coatGround !== undefined &&
      colours.length === 1 &&
      contrastRatio(colours[0], background) < minContrast &&
      contrastRatio(coatGround, background) >= minContrast;
    for (const hex of swapped ? [coatGround] : colours) {
      const c = ensureContrast(styleNatural(hex, style), background, minContrast);
      motifColors[i].push(c);
      hints.push(c);
    }
  });
  const hasGreen = [...named, ...request, ...hints].some((c) => {
    const { h, s } = hexToHsl(c);
    return h >= 70 && h <= 170 && s > 0.15;
  });
  if (!hasGreen && motifs.some((m) => NEEDS_GREEN.has(m.kind))) {
    hints.push(ensureContrast(styleNatural('#4f8a5b', style), background, minContrast));
  }

  // 5. Harmony fills around the lead hue until the style's palette size is reached.
  const baseHue = hexToHsl(anyMotifColour ?? named.find((c) => c !== background) ?? leadRaw).h;
  const scheme = rng.pick(SCHEMES[style]);
  const existing = dedupe([...request, ...named, ...hints]).filter((c) => c !== background);
  const target = Math.max(NON_BG_TARGET[style], motifs.length);
  const fills: string[] = [];
  // Two named colours or more are the palette: fill it out with their tones, not new hues.
  const namedNonGround = dedupe([...request, ...named]).filter((c) => c !== background);
  // Things in their natural colours with no colour asked for them ("strawberries on pale pink"):
  // the palette is theirs, filled out with their tones, not a blue they never had.
  const naturalOnly =
    namedNonGround.length === 0 &&
    hints.length > 0 &&
    motifs.every((m) => natural(NATURAL_COLOUR, m) !== undefined);
  const toneSource = naturalOnly ? dedupe(hints) : namedNonGround;
  if (naturalOnly || namedNonGround.length >= 2 || (namedNonGround.length >= 1 && totalColours >= 2)) {
    for (const tone of tonesOf(toneSource, target - existing.length))
      fills.push(ensureContrast(tone, background, minContrast));
  }
  for (const offset of fills.length > 0 ? [] : scheme) {
    if (existing.length + fills.length >= target) break;
    let fill = styledFill(baseHue + offset, style, bgDark, rng, modifiers);
    if (tooClose(fill, [...existing, ...fills, background])) {
      fill = styledFill(baseHue + offset + 40, style, bgDark, rng, modifiers);
    }
    fill = ensureContrast(fill, background, minContrast);
    if (!fills.includes(fill) && !existing.includes(fill)) fills.push(fill);
  }
  // Without any colour at all the lead fill is the design's main colour.
  if (totalColours === 0 && hints.length === 0)
    fills.unshift(ensureContrast(leadRaw, background, minContrast));

  let fillIdx = 0;
  for (const [i, list] of motifColors.entries()) {
    // Drawings keep their own colours unless the prompt gave them some; outlines need one.
    if (motifs[i].kind === 'drawing' && list.length === 0) {
      if (input.rendering === 'line' || isLineDrawing(motifs[i].variant ?? ''))
        list.push(free[0] ?? inkFor(background));
      continue;
    }
    if (list.length === 0) {
      const pool = [...free, ...fills];
      list.push(pool.length > 0 ? pool[fillIdx++ % pool.length] : ensureContrast('#888888', background, 2));
    }
  }

  const ordered = dedupe([...request, ...named, ...hints, ...fills]);
  if (ordered.length === 0 || (ordered.length === 1 && ordered[0] === background)) {
    ordered.push(ensureContrast(leadRaw, background, minContrast));
  }
  return {
    background,
    paletteColors: ordered.slice(0, 6),
    recordColors: ordered.slice(0, 5),
    motifColors,
  };
}
