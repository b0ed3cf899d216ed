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
/** What a line drawing is inked in when the prompt gave it no colour. */
const DEFAULT_INK = '#222222';

interface ToneGroup {
  lead: string;
  weight: number;
  members: string[];
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
const ARGS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

/**
 * The area a path encloses, roughly: each subpath as a polygon through its segment ends (and the
 * midpoint of each curve), by the shoelace formula. Holes wound the other way subtract.
 */
export function pathArea(d: string): number {
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let area = 0;
  let poly: number[] = [];
  const close = () => {
    for (let i = 0; i + 3 < poly.length; i += 2) area += poly[i] * poly[i + 3] - poly[i + 2] * poly[i + 1];
    if (poly.length >= 4) area += poly[poly.length - 2] * poly[1] - poly[0] * poly[poly.length - 1];
    poly = [];
  };
  for (const m of d.matchAll(/([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)/g)) {
    const cmd = m[1];
    const lower = cmd.toLowerCase();
    const rel = cmd !== cmd.toUpperCase();
    const nums = (m[2].match(NUMBER) ?? []).map(Number);
    if (lower === 'z') {
      close();
      x = startX;
      y = startY;
      continue;
    }
    const n = ARGS[lower];
    for (let i = 0; i + n <= nums.length; i += n) {
      const ox = rel ? x : 0;
      const oy = rel ? y : 0;
      const a = nums.slice(i, i + n);
      let nx = x;
      let ny = y;
      if (lower === 'h') nx = a[0] + (rel ? x : 0);
      else if (lower === 'v') ny = a[0] + (rel ? y : 0);
      else {
        nx = a[n - 2] + ox;
        ny = a[n - 1] + oy;
      }
      if (lower === 'm' && i === 0) {
        close();
        startX = nx;
        startY = ny;
        poly.push(nx, ny);
        x = nx;
        y = ny;
        continue;
      }
      if (lower === 'c') {
        poly.push(
          (x + 3 * (a[0] + ox) + 3 * (a[2] + ox) + nx) / 8,
          (y + 3 * (a[1] + oy) + 3 * (a[3] + oy) + ny) / 8,
        );
      } else if (lower === 'q') {
        poly.push((x + 2 * (a[0] + ox) + nx) / 4, (y + 2 * (a[1] + oy) + ny) / 4);
      }
      if (poly.length === 0) poly.push(x, y);
      poly.push(nx, ny);
      x = nx;
      y = ny;
    }
  }
  close();
  return Math.abs(area) / 2;
}

const attr = (tag: string, name: string): number =>
  Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(tag)?.[1] ?? 0);

/** Colours by how much of the drawing they cover: the areas of the shapes they fill. */
function colourWeights(body: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const m of body.matchAll(/<(path|circle|ellipse|rect)\b([^>]*)>/g)) {
    const fill = /fill="(#[0-9a-fA-F]{3,6})"/.exec(m[2])?.[1];
    if (!fill) continue;
    const hex = normalizeHex(fill);
    if (!hex) continue;
    const tag = m[2];
    const size =
      m[1] === 'path'
        ? pathArea(/\sd="([^"]*)"/.exec(tag)?.[1] ?? '')
        : m[1] === 'circle'
          ? Math.PI * attr(tag, 'r') ** 2
          : m[1] === 'ellipse'
            ? Math.PI * attr(tag, 'rx') * attr(tag, 'ry')
            : attr(tag, 'width') * attr(tag, 'height');
    weights.set(hex, (weights.get(hex) ?? 0) + size + 1e-3);
  }
  for (const m of body.matchAll(COLOUR_ATTR)) {
    const hex = normalizeHex(m[2]);
    if (hex && !weights.has(hex)) weights.set(hex, 1e-3);
  }
  return weights;
}

function distance(a: string, b: string): number {
  const [r1, g1, b1] = hexToRgb(a);
  const [r2, g2, b2] = hexToRgb(b);
  return Math.hypot(r1 - r2, g1 - g2, b1 - b2);
}

const isLeafy = (hex: string): boolean => {
  const { h, s } = hexToHsl(hex);
  return h >= 70 && h <= 165 && s > 0.25;
};

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

/** `to`, lighter or darker by how far `member` is from its group's lead: the drawing keeps its detail. */
function toneOf(to: string, member: string, lead: string): string {
  if (member === lead) return to;
  const hsl = hexToHsl(to);
  const l = Math.min(0.92, Math.max(0.08, hsl.l + hexToHsl(member).l - hexToHsl(lead).l));
  return hslToHex({ ...hsl, l });
}

/** Colour -> replacement for every colour in a coloured drawing. */
function toneMap(body: string, opts: RecolourOptions): Map<string, string> {
  const groups = toneGroups(colourWeights(body));
  const heaviest = [...groups].sort((a, b) => b.weight - a.weight)[0];
  const isInk = (hex: string) => luminance(hex) < 0.03;
  const isPaper = (hex: string) => isNeutral(hex) && luminance(hex) > 0.8;
  // The parts that take the colours asked: the coloured ones, and the greys of a grey animal or
  // thing (an elephant) when grey is its largest part. Outlines, eyes and highlights keep their tone.
  const greyBody = isNeutral(heaviest.lead) && !isInk(heaviest.lead) && !isPaper(heaviest.lead);
  const paintable = groups
    .filter((g) => !isInk(g.lead) && !isPaper(g.lead) && (!isNeutral(g.lead) || greyBody))
    .sort((a, b) => b.weight - a.weight);
  const dominant = paintable[0] ?? heaviest;
  const map = new Map<string, string>();
  // A two-tone cut for line rendering: the parts that stand out from the ground most take the ink,
  // the rest the ground. Relative to the drawing's own range, so a dark tree on a charcoal ground is
  // still a tree (in ink), not a shape in the ground colour.
  const bgLum = luminance(opts.background);
  const apart = (g: ToneGroup): number => Math.abs(luminance(g.lead) - bgLum);
  const cut = Math.min(0.25, Math.max(...groups.map(apart)) * 0.6);
  for (const g of groups) {
    if (opts.rendering === 'line') {
      const to = apart(g) >= cut ? (opts.colours[0] ?? DEFAULT_INK) : opts.background;
      for (const m of g.members) map.set(m, to);
      continue;
    }
    if (opts.colours.length === 0 || !paintable.includes(g)) {
      for (const m of g.members) map.set(m, opts.colours.length === 0 ? styled(m, opts.style) : m);
      continue;
    }
    const rank = paintable.indexOf(g);
    if (rank >= opts.colours.length && isLeafy(g.lead) && !isLeafy(dominant.lead)) {
      // Leaves and stems stay green when the colour asked is for the fruit or flower.
      for (const m of g.members) map.set(m, styled(m, opts.style));
      continue;
    }
    let to = opts.colours[rank];
    if (!to) {
      // Not empty here: an empty list keeps natural colours above.
      const base = hexToHsl(opts.colours[0]);
      const shift = hexToHsl(g.lead).l - hexToHsl(dominant.lead).l;
      // Tones in quarter steps, so a drawing adds at most a few shades of the colour asked.
      const l = Math.min(0.9, Math.max(0.12, base.l + Math.round(shift * 4) / 4));
      to = hslToHex({ ...base, l });
    }
    for (const m of g.members) map.set(m, toneOf(to, m, g.lead));
  }
  // The drawing must read against the ground: its main part keeps some contrast, moved the
  // shorter way, and the rest of that part moves with it.
  const main = map.get(dominant.lead);
  if (!main) throw new Error(`recolour: the drawing's main colour ${dominant.lead} was given no replacement`);
  if (contrastRatio(main, opts.background) < 1.4 && distance(main, opts.background) < 110) {
    const fixed = ensureContrast(main, opts.background, 1.6);
    for (const m of dominant.members) {
      const current = map.get(m);
      if (current) map.set(m, toneOf(fixed, current, main));
    }
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
    out = out.replaceAll('currentColor', opts.colours[0] ?? DEFAULT_INK);
  } else {
    const map = toneMap(body, opts);
    out = out.replace(COLOUR_ATTR, (found: string, attr: string, hex: string) => {
      const to = map.get(normalizeHex(hex) ?? '');
      return to ? `${attr}="${to}"` : found;
    });
  }
  const k = 100 / Math.max(width, height);
  return `<g transform="scale(${Math.round(k * 1e4) / 1e4}) translate(${-width / 2} ${-height / 2})">${out}</g>`;
}
