import { PREVIEW_PRODUCT, PRODUCT_GEOMETRY, type Product, productGeometry } from '@btb/contracts';
import { type Category, generateDesign } from '@btb/pattern-engine';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { seedProducts } from '../../catalog/seed-products.ts';
import type { DesignArtwork } from './design-artwork.ts';
import { designMockupSvg } from './mockups.ts';
import { renderPrintFile } from './print-files.ts';

const tileSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect width="100" height="100" fill="#d81b60"/></svg>';
const art: DesignArtwork = {
  designId: '00000000-0000-4000-8000-000000000002',
  seed: 1,
  kind: 'vector',
  tileSvg,
  tileSize: 100,
};
const productOf = (id: string): Product => {
  const p = seedProducts.find((s) => s.id === id)!;
  return { ...p, currency: 'usd', variants: p.variants.map((v, i) => ({ ...v, id: String(i) })) };
};

/** The pixel of a rendered SVG at (x, y) of the 1000×1000 product canvas. */
function pixelAt(svg: string, x: number, y: number, toOutput = (cx: number, cy: number) => [cx, cy]) {
  const img = new Resvg(svg).render();
  const [ox, oy] = toOutput(x, y).map(Math.round) as [number, number];
  const i = (oy * img.width + ox) * 4;
  return [img.pixels[i], img.pixels[i + 1], img.pixels[i + 2]];
}

describe('one product geometry', () => {
  it('the catalogue seeds each product with its geometry’s print area', () => {
    for (const p of seedProducts) expect(p.printAreas).toEqual([productGeometry(p.id, p.category).printArea]);
  });

  it.each(seedProducts.map((p) => p.id))(
    'the design page’s %s mockup draws the product geometry',
    async (id) => {
      const product = productOf(id);
      const geometry = productGeometry(id, product.category);
      const svg = await designMockupSvg(art, product);
      expect(svg).toContain(`d="${geometry.outline}"`);
      const inside = geometry.printAreaOnCanvas;
      // Inside the print area (left of the middle, which is between the legs on leggings) is the design's colour (under the garment's light shading).
      const [r, g, b] = pixelAt(svg, inside.x + inside.width * 0.3, inside.y + inside.height / 2) as number[];
      expect(Math.abs(r! - 0xd8) + Math.abs(g! - 0x1b) + Math.abs(b! - 0x60)).toBeLessThan(30);
    },
  );

  it.each(Object.entries(PREVIEW_PRODUCT))('the studio previews %s on the %s geometry', (category, id) => {
    const { previewSvg } = generateDesign({
      prompt: 'coral lemons on navy',
      category: category as Category,
      style: 'casual',
      seed: 5,
    });
    expect(previewSvg).toContain(`d="${PRODUCT_GEOMETRY[id].outline}"`);
  });

  it('the studio’s shirt carries the t-shirt’s front print, not an all-over print', () => {
    const { previewSvg } = generateDesign({
      prompt: 'coral lemons on navy',
      category: 'shirt',
      style: 'casual',
      seed: 5,
    });
    // The preview shows the canvas through viewBox 60 -25 880 1100 at 800×1000 px.
    const toPreview = (x: number, y: number) => [((x - 60) * 800) / 880, ((y + 25) * 1000) / 1100];
    // The sleeve, outside the print area, is the white garment (shaded, but unprinted and pale).
    const sleeve = pixelAt(previewSvg, 180, 330, toPreview);
    expect(Math.min(...(sleeve as number[]))).toBeGreaterThan(200);
  });

  it('folds and shading are multiplied over the print: darker, the same hue', async () => {
    const svg = await designMockupSvg(art, productOf('dress-skater'));
    // (358, 680) lies in the dress's left crease; (540, 700) on open fabric between folds.
    const [fr, fg, fb] = pixelAt(svg, 358, 680) as number[];
    const [r, g, b] = pixelAt(svg, 540, 700) as number[];
    expect(fr!).toBeLessThan(r! - 15);
    expect(Math.abs(fr! / r! - fb! / b!)).toBeLessThan(0.1);
    expect(fg!).toBeLessThanOrEqual(g!);
  });

  it('print files are the geometry’s print area in pixels', async () => {
    for (const id of ['tshirt-unisex', 'tote-aop'] as const) {
      const area = PRODUCT_GEOMETRY[id].printArea;
      const meta = await sharp(await renderPrintFile(art, area)).metadata();
      expect([meta.width, meta.height, meta.density]).toEqual([area.widthPx, area.heightPx, area.dpi]);
    }
  });
});
