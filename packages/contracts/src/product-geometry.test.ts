import { describe, expect, it } from 'vitest';
import { effectiveDpi, PRODUCT_GEOMETRY, placementOnCanvas, placementProblems } from './product-geometry.ts';

const shirt = PRODUCT_GEOMETRY['tshirt-unisex'];
const tote = PRODUCT_GEOMETRY['tote-aop'];
const raster = { vector: false, sourceWidthPx: 1024 };

describe('print options against the product geometry', () => {
  it('recomputes a raster’s effective DPI for the size it is printed at', () => {
    // The 12 in t-shirt front has three 4 in tiles across: 1024 px over 4 in.
    expect(effectiveDpi(raster, shirt.printArea)).toBe(256);
    // Shrunk to 6 in wide, each tile is 2 in.
    expect(effectiveDpi(raster, shirt.printArea, { placement: { x: 0, y: 0, width: 900 } })).toBe(512);
    // The 15 in tote: four tiles at 100%, eight at 50% (1.875 in), two at 200% (7.5 in).
    expect(effectiveDpi(raster, tote.printArea, { repeat: { scale: 50, rotation: 0 } })).toBe(546);
    expect(effectiveDpi(raster, tote.printArea, { repeat: { scale: 200, rotation: 0 } })).toBe(136);
    expect(effectiveDpi({ vector: true, sourceWidthPx: null }, tote.printArea)).toBe(300);
  });

  it('checks a placement against its print area', () => {
    expect(placementProblems(shirt.printArea, { x: 900, y: 1200, width: 900 })).toEqual([]);
    expect(placementProblems(shirt.printArea, { x: 901, y: 1201, width: 900 }).map((p) => p.path)).toEqual([
      'x',
      'y',
    ]);
    expect(placementProblems(shirt.printArea, { x: 0, y: 0, width: 179 }).map((p) => p.path)).toEqual([
      'width',
    ]);
  });

  it('maps a placement onto the mockup canvas', () => {
    // The 1800 px wide area is 280 px on the canvas: a half-width print from the middle is 140 px there.
    const rect = placementOnCanvas(shirt, { x: 900, y: 1200, width: 900 });
    expect(rect.x).toBeCloseTo(500);
    expect(rect.y).toBeCloseTo(262 + 1200 * (280 / 1800));
    expect(rect.width).toBeCloseTo(140);
    expect(rect.height).toBeCloseTo(140 * (2400 / 1800));
  });
});
