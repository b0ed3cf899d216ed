/**
 * Colour arithmetic shared by the pattern engine, the print-quality report and the web app, on
 * culori (sRGB ⇄ HSL, WCAG 2 luminance and contrast). No zod here: the web bundle imports this
 * module on its own (`@btb/contracts/colour`).
 */
import {
  type Color,
  converter,
  formatHex,
  interpolate,
  modeHsl,
  modeLrgb,
  modeRgb,
  parseHex,
  type Rgb,
  useMode,
  wcagContrast,
  wcagLuminance,
} from 'culori/fn';

useMode(modeRgb);
useMode(modeLrgb);
useMode(modeHsl);

const toRgb = converter('rgb');
const toHsl = converter('hsl');

/** Hue in degrees [0, 360), saturation and lightness in [0, 1]. */
export interface Hsl {
  h: number;
  s: number;
  l: number;
}

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Accepts '#rgb' or '#rrggbb' (any case, '#' optional); returns lowercase '#rrggbb' or undefined. */
export function normalizeHex(input: string): string | undefined {
  const m = HEX.exec(input.trim());
  if (!m) return undefined;
  const parsed = parseHex(`#${m[1]}`);
  return parsed ? formatHex(parsed) : undefined;
}

function rgbOf(hex: string): Rgb {
  const parsed = parseHex(hex);
  if (!parsed) throw new TypeError(`not a hex colour: ${hex}`);
  return parsed;
}

/** Channels 0–255. */
export function hexToRgb(hex: string): [number, number, number] {
  const { r, g, b } = rgbOf(hex);
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)];
}

/** Channels 0–255, clamped. */
export function rgbToHex(r: number, g: number, b: number): string {
  return formatHex({ mode: 'rgb', r: r / 255, g: g / 255, b: b / 255 });
}

export function hexToHsl(hex: string): Hsl {
  const { h, s, l } = toHsl(rgbOf(hex));
  return { h: h ?? 0, s, l };
}

export function hslToHex({ h, s, l }: Hsl): string {
  const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
  const hsl: Color = { mode: 'hsl', h: ((h % 360) + 360) % 360, s: clamp01(s), l: clamp01(l) };
  return formatHex(toRgb(hsl));
}

/** Mix in sRGB; t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  return formatHex(interpolate([rgbOf(a), rgbOf(b)], 'rgb')(t));
}

export const lighten = (hex: string, t: number): string => mix(hex, '#ffffff', t);
export const darken = (hex: string, t: number): string => mix(hex, '#000000', t);

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export const luminance = (hex: string): number => wcagLuminance(rgbOf(hex));

/** WCAG 2 contrast ratio, 1 to 21. */
export const contrastRatio = (a: string, b: string): number => wcagContrast(rgbOf(a), rgbOf(b));

/** Angle between two hues in degrees, 0 to 180. */
export function hueDistance(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return Math.min(d, 360 - d);
}

/** The ink or white text colour that reads best on a background (higher WCAG contrast). */
export function readableOn(background: string, ink = '#1c1917', paper = '#ffffff'): string {
  return contrastRatio(ink, background) >= contrastRatio(paper, background) ? ink : paper;
}
