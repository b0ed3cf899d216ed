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

/** Points along an SVG elliptical arc, between its ends (the SVG spec's endpoint-to-centre conversion). */
function arcPoints(
  x1: number,
  y1: number,
  rxIn: number,
  ryIn: number,
  degrees: number,
  large: boolean,
  sweep: boolean,
  x2: number,
  y2: number,
): number[] {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0 || (x1 === x2 && y1 === y2)) return [];
  const phi = (degrees * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  const scale = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (scale > 1) {
    rx *= Math.sqrt(scale);
    ry *= Math.sqrt(scale);
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (k * rx * y1p) / ry;
  const cyp = (-k * ry * x1p) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number) => Math.atan2(uy, ux);
  const start = angle((x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = angle((-x1p - cxp) / rx, (-y1p - cyp) / ry) - start;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  const out: number[] = [];
  const steps = Math.max(2, Math.ceil((Math.abs(delta) / Math.PI) * 6));
  for (let i = 1; i < steps; i++) {
    const t = start + (delta * i) / steps;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    out.push(cos * ex - sin * ey + cx, sin * ex + cos * ey + cy);
  }
  return out;
}

/** A path's subpaths as polygons through their segment ends (and the midpoint of each curve). */
function polygonsOf(d: string): number[][] {
  const polys: number[][] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let poly: number[] = [];
  const close = () => {
    if (poly.length >= 6) polys.push(poly);
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
      } else if (lower === 'a') {
        poly.push(...arcPoints(x, y, a[0], a[1], a[2], a[3] !== 0, a[4] !== 0, nx, ny));
      }
      if (poly.length === 0) poly.push(x, y);
      poly.push(nx, ny);
      x = nx;
      y = ny;
    }
  }
  close();
  return polys;
}

/**
 * The area a path encloses, roughly: each subpath as a polygon, by the shoelace formula. Holes
 * wound the other way subtract.
 */
export function pathArea(d: string): number {
  let area = 0;
  for (const p of polygonsOf(d)) {
    for (let i = 0; i + 3 < p.length; i += 2) area += p[i] * p[i + 3] - p[i + 2] * p[i + 1];
    area += p[p.length - 2] * p[1] - p[0] * p[p.length - 1];
  }
  return Math.abs(area) / 2;
}

const attr = (tag: string, name: string): number =>
  Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(tag)?.[1] ?? 0);

/** A filled shape as polygons: paths as drawn, circles, ellipses and rects as polygons. */
function shapePolygons(element: string, tag: string): number[][] {
  if (element === 'path') return polygonsOf(/\sd="([^"]*)"/.exec(tag)?.[1] ?? '');
  if (element === 'rect') {
    const [x, y, w, h] = [attr(tag, 'x'), attr(tag, 'y'), attr(tag, 'width'), attr(tag, 'height')];
    return [[x, y, x + w, y, x + w, y + h, x, y + h]];
  }
  const cx = attr(tag, 'cx');
  const cy = attr(tag, 'cy');
  const rx = element === 'circle' ? attr(tag, 'r') : attr(tag, 'rx');
  const ry = element === 'circle' ? attr(tag, 'r') : attr(tag, 'ry');
  const poly: number[] = [];
  for (let k = 0; k < 24; k++) {
    const a = (k / 24) * 2 * Math.PI;
    poly.push(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
  }
  return [poly];
}

/** Whether (px, py) is inside the polygons by the fill rule (winding number, or crossings for evenodd). */
function inside(polys: number[][], px: number, py: number, evenOdd: boolean): boolean {
  let winding = 0;
  for (const p of polys) {
    for (let i = 0; i < p.length; i += 2) {
      const x1 = p[i];
      const y1 = p[i + 1];
      const x2 = p[(i + 2) % p.length];
      const y2 = p[(i + 3) % p.length];
      if (y1 <= py ? y2 > py : y2 <= py) {
        const t = (py - y1) / (y2 - y1);
        if (x1 + t * (x2 - x1) > px) winding += y2 > y1 ? 1 : -1;
      }
    }
  }
  return evenOdd ? winding % 2 !== 0 : winding !== 0;
}

const GRID = 48;
const weightsCache = new Map<string, Map<string, number>>();

/**
 * Colours by how much of the drawing they show: each shape is laid over the ones before it, as
 * the drawing is painted, on a coarse grid. A butterfly's dark wing shape under its orange wings
 * counts for the little of it that shows.
 */
export function colourWeights(body: string, width: number, height: number): Map<string, number> {
  const cached = weightsCache.get(body);
  if (cached) return cached;
  const shapes: { hex: string; polys: number[][]; evenOdd: boolean; box: number[] }[] = [];
  for (const m of body.matchAll(/<(path|circle|ellipse|rect)\b([^>]*)>/g)) {
    const hex = normalizeHex(/fill="(#[0-9a-fA-F]{3,6})"/.exec(m[2])?.[1] ?? '');
    if (!hex) continue;
    const polys = shapePolygons(m[1], m[2]);
    const xs = polys.flatMap((p) => p.filter((_, i) => i % 2 === 0));
    const ys = polys.flatMap((p) => p.filter((_, i) => i % 2 === 1));
    if (xs.length === 0) continue;
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    shapes.push({ hex, polys, evenOdd: /fill-rule="evenodd"/.test(m[2]), box });
  }
  const weights = new Map<string, number>();
  for (const shape of shapes) weights.set(shape.hex, 1e-3);
  const cell = Math.max(width, height) / GRID;
  for (let gy = 0; gy < GRID; gy++) {
    const py = (gy + 0.5) * cell;
    for (let gx = 0; gx < GRID; gx++) {
      const px = (gx + 0.5) * cell;
      for (let i = shapes.length - 1; i >= 0; i--) {
        const { box, polys, evenOdd, hex } = shapes[i];
        if (px < box[0] || px > box[2] || py < box[1] || py > box[3]) continue;
        if (!inside(polys, px, py, evenOdd)) continue;
        weights.set(hex, (weights.get(hex) ?? 0) + cell * cell);
        break;
      }
    }
  }
  for (const m of body.matchAll(COLOUR_ATTR)) {
    const hex = normalizeHex(m[2]);
    if (hex && !weights.has(hex)) weights.set(hex, 1e-3);
  }
  weightsCache.set(body, weights);
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

/** A saturated part whose hue is far from the main part's: a separate part, not its shading. */
const isOwnPart = (hex: string, main: string): boolean => {
  const a = hexToHsl(hex);
  const b = hexToHsl(main);
  const apart = Math.abs(((a.h - b.h + 540) % 360) - 180);
  return a.s > 0.35 && b.s > 0.2 && apart > 60;
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

/**
 * Fluent Emoji draws black and dark grey (a panda's patches, a penguin's back, a bee's stripes) as
 * a dark, greyish violet, which reads as purple once printed large. Unless the thing is purple (a
 * bunch of grapes, where that violet is the shading of the fruit), those tones print as the
 * near-black they stand for.
 */
const isInkyViolet = (hex: string): boolean => {
  const { h, s, l } = hexToHsl(hex);
  return h >= 235 && h <= 290 && ((s < 0.35 && l < 0.5) || (s < 0.5 && l < 0.22));
};

function isPurpleThing(weights: Map<string, number>): boolean {
  let purple = 0;
  let total = 0;
  for (const [hex, weight] of weights) {
    const { h, s, l } = hexToHsl(hex);
    total += weight;
    if (h >= 235 && h <= 300 && s >= 0.34 && l < 0.7) purple += weight;
  }
  return total > 0 && purple / total >= 0.15;
}

const asNearBlack = (hex: string): string => {
  const { h, l } = hexToHsl(hex);
  return hslToHex({ h, s: 0.06, l: l * 0.8 });
};

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
  return hslToHex({ ...hsl, l: shifted(hsl.l, hexToHsl(member).l - hexToHsl(lead).l, 0.08, 0.92) });
}

/**
 * A lightness moved by `delta` within [min, max]. Near black or white there is no room on one
 * side: the step goes the other way, so a black dog still shows its ears and muzzle.
 */
function shifted(l: number, delta: number, min: number, max: number): number {
  const moved = l + delta;
  if (moved < min && l - min < Math.abs(delta) / 2) return Math.min(max, l + Math.abs(delta));
  if (moved > max && max - l < Math.abs(delta) / 2) return Math.max(min, l - Math.abs(delta));
  return Math.min(max, Math.max(min, moved));
}

/** Colour -> replacement for every colour in a coloured drawing. */
function toneMap(drawing: Drawing, opts: RecolourOptions): Map<string, string> {
  const weights = colourWeights(drawing.body, drawing.width, drawing.height);
  const groups = toneGroups(weights);
  const natural = isPurpleThing(weights)
    ? (hex: string) => hex
    : (hex: string) => (isInkyViolet(hex) ? asNearBlack(hex) : hex);
  const heaviest = [...groups].sort((a, b) => b.weight - a.weight)[0];
  const isInk = (hex: string) => luminance(hex) < 0.03;
  const isPaper = (hex: string) => isNeutral(hex) && luminance(hex) > 0.8;
  // The parts that take the colours asked: the coloured ones, and the greys of a grey animal or
  // thing (an elephant) when grey is its largest part. Outlines, eyes and highlights keep their tone.
  const greyBody = isNeutral(heaviest.lead) && !isInk(heaviest.lead) && !isPaper(heaviest.lead);
  const paintable = groups
    .filter((g) => !isInk(g.lead) && !isPaper(g.lead) && (!isNeutral(g.lead) || greyBody))
    .sort((a, b) => b.weight - a.weight);
  // A drawing in one dark colour (a music note) is all outline: that is what takes the colour asked.
  if (paintable.length === 0) paintable.push(heaviest);
  const dominant = paintable[0];
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
      for (const m of g.members)
        map.set(m, opts.colours.length === 0 ? styled(natural(m), opts.style) : natural(m));
      continue;
    }
    const rank = paintable.indexOf(g);
    if (rank >= opts.colours.length && isLeafy(g.lead) && !isLeafy(dominant.lead)) {
      // Leaves and stems stay green when the colour asked is for the fruit or flower.
      for (const m of g.members) map.set(m, styled(m, opts.style));
      continue;
    }
    if (rank >= opts.colours.length && isOwnPart(g.lead, dominant.lead)) {
      // A part of another hue (a cupcake's wrapper under pink icing, a car's windows) is not what
      // the colour was asked for: it keeps its own colour.
      for (const m of g.members) map.set(m, styled(natural(m), opts.style));
      continue;
    }
    let to = opts.colours[rank];
    if (!to) {
      // Not empty here: an empty list keeps natural colours above.
      const base = hexToHsl(opts.colours[0]);
      const shift = hexToHsl(g.lead).l - hexToHsl(dominant.lead).l;
      // Tones in quarter steps, so a drawing adds at most a few shades of the colour asked.
      const l = shifted(base.l, Math.round(shift * 4) / 4, 0.12, 0.9);
      to = hslToHex({ ...base, l });
    }
    for (const m of g.members) map.set(m, toneOf(to, m, g.lead));
  }
  // The drawing must read against the ground: its main part keeps some contrast, moved the
  // shorter way, and the rest of that part moves with it. A drawing whose other parts already
  // stand out over a good share of it (a cream ice cream on its wafer cone, on baby blue) reads by
  // those, and keeps its colours.
  const main = map.get(dominant.lead);
  if (!main) throw new Error(`recolour: the drawing's main colour ${dominant.lead} was given no replacement`);
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  const standingOut = groups
    .filter((g) => g !== dominant && contrastRatio(map.get(g.lead) ?? g.lead, opts.background) >= 1.8)
    .reduce((sum, g) => sum + g.weight, 0);
  const readsByOtherParts = standingOut >= total * 0.3;
  if (
    !readsByOtherParts &&
    contrastRatio(main, opts.background) < 1.4 &&
    distance(main, opts.background) < 110
  ) {
    // A drawing that is nearly all one tone (a music note) has nothing else to be seen by.
    // On a light ground it darkens only as far as it must, so a cream egg on mint stays an egg's colour.
    const oneTone = dominant.weight >= total * 0.75;
    const target = oneTone ? (luminance(opts.background) < 0.2 ? 3 : 2) : 1.6;
    const fixed = ensureContrast(main, opts.background, target);
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
    const map = toneMap(drawing, opts);
    out = out.replace(COLOUR_ATTR, (found: string, attr: string, hex: string) => {
      const to = map.get(normalizeHex(hex) ?? '');
      return to ? `${attr}="${to}"` : found;
    });
  }
  const k = 100 / Math.max(width, height);
  return `<g transform="scale(${Math.round(k * 1e4) / 1e4}) translate(${-width / 2} ${-height / 2})">${out}</g>`;
}
