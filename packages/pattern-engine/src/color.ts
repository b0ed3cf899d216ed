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

/**
 * Moves lightness the shorter way (lighter or darker) until the pair reads clearly; hue and
 * saturation are kept. Where neither way reaches the ratio, the one that gets closest wins.
 */
export function ensureContrast(hex: string, bg: string, minRatio: number): string {
  if (contrastRatio(hex, bg) >= minRatio) return hex;
  const hsl = hexToHsl(hex);
  const preferLighter = luminance(bg) < 0.35;
  let best = hex;
  let bestRatio = contrastRatio(hex, bg);
  for (let step = 1; step <= 25; step++) {
    for (const dir of preferLighter ? [1, -1] : [-1, 1]) {
      const l = hsl.l + dir * step * 0.04;
      if (l < -0.02 || l > 1.02) continue;
      const candidate = hslToHex({ ...hsl, l: clamp01(l) });
      const ratio = contrastRatio(candidate, bg);
      if (ratio >= minRatio) return candidate;
      if (ratio > bestRatio) {
        best = candidate;
        bestRatio = ratio;
      }
    }
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
    const hex = normalizeHex(m[1]);
    if (!hex) continue;
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([hex]) => hex);
}
