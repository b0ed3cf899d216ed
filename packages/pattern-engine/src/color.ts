import {
  contrastRatio,
  hexToHsl,
  hslToHex,
  lighten,
  darken,
  luminance,
  normalizeHex,
} from '@btb/contracts/colour';

export {
  contrastRatio,
  darken,
  type Hsl,
  hexToHsl,
  hexToRgb,
  hslToHex,
  hueDistance,
  lighten,
  luminance,
  mix,
  normalizeHex,
  rgbToHex,
} from '@btb/contracts/colour';

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Moves lightness away from the background until the pair reads clearly; hue and saturation are kept. */
export function ensureContrast(hex: string, bg: string, minRatio: number): string {
  if (contrastRatio(hex, bg) >= minRatio) return hex;
  const hsl = hexToHsl(hex);
  const goLighter = luminance(bg) < 0.35;
  let best = hex;
  for (let step = 1; step <= 20; step++) {
    const l = clamp01(hsl.l + (goLighter ? 1 : -1) * step * 0.04);
    best = hslToHex({ ...hsl, l });
    if (contrastRatio(best, bg) >= minRatio) return best;
  }
  return best;
}

/** A darker (or, on dark colours, lighter) companion for outlines, veins and shading. */
export function detailOf(hex: string, amount = 0.3): string {
  return luminance(hex) < 0.06 ? lighten(hex, amount) : darken(hex, amount);
}

export const meanSaturation = (colors: readonly string[]): number =>
  colors.length === 0 ? 0 : colors.reduce((sum, c) => sum + hexToHsl(c).s, 0) / colors.length;

/** Every colour painted in an SVG (fill, stroke, stop-color), most used first, as lowercase '#rrggbb'. */
export function coloursUsed(svg: string): string[] {
  const counts = new Map<string, number>();
  for (const m of svg.matchAll(/(?:fill|stroke|stop-color)="(#[0-9a-fA-F]{3,6})"/g)) {
    const hex = normalizeHex(m[1])!;
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([hex]) => hex);
}
