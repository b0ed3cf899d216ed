/**
 * Recolouring drawings from the motif library so they stay recognisable in the colours asked for:
 * a coloured illustration is reduced to a few tone groups; with no colour asked the groups keep their
 * natural colour (a yellow lemon), otherwise the main group takes the colour asked and the others
 * follow it by lightness, so the light/dark structure survives. Outlines are stroked in one colour.
 */
import {
  contrastRatio,
  ensureContrast,
  hexToHsl,
  hexToRgb,
  hslToHex,
  luminance,
  normalizeHex,
} from './color.ts';
import type { Drawing } from './library/drawings.ts';
import type { Style } from './types.ts';

const MAX_GROUPS = 4;
const COLOUR_ATTR = /(fill|stroke|stop-color)="(#[0-9a-fA-F]{3,6})"/g;

interface ToneGroup {
  lead: string;
  weight: number;
  members: string[];
}

/** Colours by how much of the drawing they cover, roughly: the length of the paths they fill. */
function colourWeights(body: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const m of body.matchAll(/<(path|circle|ellipse|rect)\b([^>]*)>/g)) {
    const fill = /fill="(#[0-9a-fA-F]{3,6})"/.exec(m[2])?.[1];
    if (!fill) continue;
    const hex = normalizeHex(fill)!;
    const size = /\sd="([^"]*)"/.exec(m[2])?.[1].length ?? 60;
    weights.set(hex, (weights.get(hex) ?? 0) + size);
  }
  for (const m of body.matchAll(COLOUR_ATTR)) {
    const hex = normalizeHex(m[2])!;
    if (!weights.has(hex)) weights.set(hex, 1);
  }
  return weights;
}

function distance(a: string, b: string): number {
  const [r1, g1, b1] = hexToRgb(a);
  const [r2, g2, b2] = hexToRgb(b);
  return Math.hypot(r1 - r2, g1 - g2, b1 - b2);
}

const isNeutral = (hex: string): boolean => hexToHsl(hex).s < 0.15 || luminance(hex) > 0.85;

/** Greedy grouping, heaviest colours first: near colours join a group, at most MAX_GROUPS groups. */
function toneGroups(weights: Map<string, number>): ToneGroup[] {
  const groups: ToneGroup[] = [];
  for (const [hex, weight] of [...weights].sort((a, b) => b[1] - a[1])) {
    const near = groups.map((g) => ({ g, d: distance(g.lead, hex) })).sort((a, b) => a.d - b.d)[0];
    if (near && (near.d < 70 || groups.length >= MAX_GROUPS)) {
      near.g.weight += weight;
      near.g.members.push(hex);
    } else groups.push({ lead: hex, weight, members: [hex] });
  }
  return groups;
}

/** Natural colours take on the style a little, as the hand-made families do. */
function styled(hex: string, style: Style): string {
  const hsl = hexToHsl(hex);
  if (style === 'vintage') return hslToHex({ ...hsl, s: hsl.s * 0.6 });
  if (style === 'formal') return hslToHex({ ...hsl, s: hsl.s * 0.8 });
  return hex;
}

export interface RecolourOptions {
  /** Colours the prompt gave this motif; empty keeps its natural colours. */
  colours: readonly string[];
  background: string;
  style: Style;
  rendering: 'colour' | 'line';
}

/** Colour -> replacement for every colour in a coloured drawing. */
function toneMap(body: string, opts: RecolourOptions): Map<string, string> {
  const groups = toneGroups(colourWeights(body));
  const chromatic = groups.filter((g) => !isNeutral(g.lead)).sort((a, b) => b.weight - a.weight);
  const dominant = chromatic[0] ?? groups[0];
  const map = new Map<string, string>();
  // A two-tone cut for line rendering: the parts that stand out from the ground most take the ink,
  // the rest the ground. Relative to the drawing's own range, so a dark tree on a charcoal ground is
  // still a tree (in ink), not a shape in the ground colour.
  const bgLum = luminance(opts.background);
  const apart = (g: ToneGroup): number => Math.abs(luminance(g.lead) - bgLum);
  const cut = Math.min(0.25, Math.max(...groups.map(apart)) * 0.6);
  for (const g of groups) {
    let to: string;
    if (opts.rendering === 'line') {
      to = apart(g) >= cut ? opts.colours[0]! : opts.background;
    } else if (opts.colours.length === 0) {
      to = styled(g.lead, opts.style);
    } else if (isNeutral(g.lead)) {
      to = g.lead;
    } else {
      const rank = chromatic.indexOf(g);
      const asked = opts.colours[rank];
      if (asked) to = asked;
      else {
        const base = hexToHsl(opts.colours[0]!);
        const shift = hexToHsl(g.lead).l - hexToHsl(dominant.lead).l;
        // Tones in quarter steps, so a drawing adds at most a few shades of the colour asked.
        const l = Math.min(0.9, Math.max(0.12, base.l + Math.round(shift * 4) / 4));
        to = hslToHex({ ...base, l });
      }
    }
    for (const m of g.members) map.set(m, to);
  }
  // The drawing must read against the ground: its main group keeps some contrast.
  const main = map.get(dominant.lead)!;
  if (
    opts.rendering === 'colour' &&
    contrastRatio(main, opts.background) < 1.4 &&
    distance(main, opts.background) < 110
  ) {
    const fixed = ensureContrast(main, opts.background, 1.6);
    for (const [k, v] of map) if (v === main) map.set(k, fixed);
  }
  return map;
}

/** The drawing recoloured, in local units: centred on the origin, about 100 units across. */
export function recolourDrawing(drawing: Drawing, opts: RecolourOptions): string {
  const { body, width, height } = drawing;
  const prefix = drawing.id.replace(/[^a-z0-9]+/gi, '-');
  let out = body
    .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`);
  if (drawing.set.role === 'line') {
    out = out.replaceAll('currentColor', opts.colours[0] ?? '#222222');
  } else {
    const map = toneMap(body, opts);
    out = out.replace(
      COLOUR_ATTR,
      (_, attr: string, hex: string) => `${attr}="${map.get(normalizeHex(hex)!)}"`,
    );
  }
  const k = 100 / Math.max(width, height);
  return `<g transform="scale(${Math.round(k * 1e4) / 1e4}) translate(${-width / 2} ${-height / 2})">${out}</g>`;
}
