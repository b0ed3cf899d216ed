import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { interpretPrompt, MOTIF_KINDS, renderRepeat, renderTile, renderTileWindow } from './index.ts';
import type { DesignSpec } from './types.ts';

interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function rasterize(svg: string): Raster {
  const img = new Resvg(svg).render();
  return { width: img.width, height: img.height, pixels: img.pixels };
}

function crop(r: Raster, x0: number, y0: number, size: number): Raster {
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    const from = ((y0 + y) * r.width + x0) * 4;
    out.set(r.pixels.subarray(from, from + size * 4), y * size * 4);
  }
  return { width: size, height: size, pixels: out };
}

/** Mean absolute channel difference, in 0..255. */
function meanAbsDiff(a: Raster, b: Raster): number {
  expect(a.pixels.length).toBe(b.pixels.length);
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs(a.pixels[i] - b.pixels[i]);
  return sum / a.pixels.length;
}

/** Prompts covering every motif kind and the variants with their own geometry. */
const CASES: [string, DesignSpec['style']][] = [
  ['red roses and daisies', 'casual'],
  ['mixed florals with blossom', 'vintage'],
  ['oversized monstera leaves', 'casual'],
  ['palm leaves and ferns', 'sporty'],
  ['coral lemons and cherries', 'casual'],
  ['strawberries', 'casual'],
  ['breton stripes', 'casual'],
  ['diagonal stripes', 'sporty'],
  ['pinstripe', 'formal'],
  ['tartan', 'vintage'],
  ['gingham', 'casual'],
  ['polka dots', 'casual'],
  ['scattered polka dots', 'casual'],
  ['triangles', 'sporty'],
  ['hexagons', 'formal'],
  ['harlequin diamonds', 'vintage'],
  ['bauhaus geometric', 'casual'],
  ['chevron', 'sporty'],
  ['zigzag', 'casual'],
  ['paisley', 'vintage'],
  ['leopard', 'casual'],
  ['zebra', 'casual'],
  ['tiger stripes', 'sporty'],
  ['snakeskin', 'formal'],
  ['camo', 'sporty'],
  ['waves', 'casual'],
  ['abstract swirls', 'casual'],
  ['stars', 'formal'],
  ['sparkles', 'casual'],
  ['hearts', 'casual'],
  ['navy stripes with coral lemons', 'casual'],
  ['tossed cats and coffee cups', 'casual'],
  ['flamingos in a half drop', 'casual'],
  ['anchors in a grid', 'formal'],
  ['umbrellas in rows', 'casual'],
  ['bicycles border print', 'sporty'],
  ['line drawing of hot air balloons', 'vintage'],
];

describe('seamless tiles', () => {
  it('cover every motif kind', () => {
    const kinds = new Set(
      CASES.flatMap(([prompt, style]) =>
        interpretPrompt({ prompt, style, category: 'dress', seed: 1 }).motifs.map((m) => m.kind),
      ),
    );
    expect([...kinds].sort()).toEqual([...MOTIF_KINDS].sort());
  });

  // The half-tile window straddles both seams; any motif missing its wrap copy, or any period that does
  // not divide the tile, shows up as a difference between the repeat and the plane drawn directly.
  it.each(CASES.flatMap(([prompt, style]) => [1, 90210].map((seed) => [prompt, style, seed] as const)))(
    '%s (%s, seed %i): the repeat across the seams matches the plane drawn at that offset',
    (prompt, style, seed) => {
      const spec = interpretPrompt({ prompt, style, category: 'dress', seed });
      const t = spec.tileSize;
      const repeat = rasterize(renderRepeat(spec, 2, 2 * t, 2 * t));
      const across = crop(repeat, t / 2, t / 2, t);
      const direct = rasterize(renderTileWindow(spec, t / 2, t / 2));
      expect(meanAbsDiff(across, direct)).toBeLessThan(2);
    },
  );

  it('the centre of a 3x3 repeat is the tile', () => {
    for (const [prompt, style] of CASES.slice(0, 6)) {
      const spec = interpretPrompt({ prompt, style, category: 'shirt', seed: 5 });
      const t = spec.tileSize;
      const repeat = rasterize(renderRepeat(spec, 3, 3 * t, 3 * t));
      expect(meanAbsDiff(crop(repeat, t, t, t), rasterize(renderTile(spec)))).toBeLessThan(2);
    }
  });

  it('the comparison is sensitive: an unshifted tile does not match the straddling window', () => {
    const spec = interpretPrompt({
      prompt: 'coral lemons on navy',
      style: 'casual',
      category: 'dress',
      seed: 3,
    });
    const t = spec.tileSize;
    const across = crop(rasterize(renderRepeat(spec, 2, 2 * t, 2 * t)), t / 2, t / 2, t);
    expect(meanAbsDiff(across, rasterize(renderTile(spec)))).toBeGreaterThan(5);
  });
});
