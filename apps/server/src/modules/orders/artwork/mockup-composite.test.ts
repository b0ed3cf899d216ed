import { type Product, PRODUCT_GEOMETRY } from '@btb/contracts';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { seedProducts } from '../../catalog/seed-products.ts';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';
import { compositeMockup } from '../../studio/index.ts';
import type { DesignArtwork } from './design-artwork.ts';
import { designMockupComposite, designMockupSvg, Mockups, mockupKey, resolveLook } from './mockups.ts';

const tileSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect width="100" height="100" fill="#d81b60"/><circle cx="50" cy="50" r="30" fill="#fdd835"/></svg>';
const art: DesignArtwork = {
  designId: '00000000-0000-4000-8000-000000000003',
  seed: 2,
  kind: 'vector',
  tileSvg,
  tileSize: 100,
};
const productOf = (id: string): Product => {
  const p = seedProducts.find((s) => s.id === id)!;
  return { ...p, currency: 'usd', variants: p.variants.map((v, i) => ({ ...v, id: String(i) })) };
};

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return (x: number, y: number) => {
    const i = (Math.round(y) * info.width + Math.round(x)) * 3;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
}
const distance = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0);

describe('mockups composited from the product’s kept layers', () => {
  it.each(seedProducts.map((p) => p.id))(
    'the %s mockup matches the same mockup drawn as one SVG',
    async (id) => {
      const product = productOf(id);
      const look = resolveLook(product, { size: 1000 });
      const composite = await pixels(await compositeMockup(designMockupComposite(art, product, {}, look)));
      const whole = new Resvg(await designMockupSvg(art, product)).render();
      const single = await pixels(
        await sharp(whole.pixels, { raw: { width: 1000, height: 1000, channels: 4, premultiplied: true } })
          .png()
          .toBuffer(),
      );
      // A grid of points over the canvas: backdrop, garment, print, creases and seams all agree.
      // (A point on the edge of a printed circle may fall either side of it.)
      let apart = 0;
      let total = 0;
      let count = 0;
      for (let y = 25; y < 1000; y += 50) {
        for (let x = 25; x < 1000; x += 50) {
          const d = distance(composite(x, y), single(x, y));
          if (d > 60) apart++;
          total += d;
          count++;
        }
      }
      expect(total / count).toBeLessThan(6);
      expect(apart / count).toBeLessThan(0.03);
    },
  );

  it('shows a t-shirt in each variant’s colour, and its back without the front print', async () => {
    const shirt = productOf('tshirt-unisex');
    const area = PRODUCT_GEOMETRY['tshirt-unisex'].printAreaOnCanvas;
    const middle = [area.x + area.width / 2, area.y + area.height / 2] as const;
    const sleeve = [180, 330] as const;
    const render = (look: Parameters<typeof resolveLook>[1]) =>
      compositeMockup(
        designMockupComposite(art, shirt, {}, resolveLook(shirt, { ...look, size: 1000 })),
      ).then(pixels);
    const white = await render({});
    const black = await render({ color: 'black' });
    const back = await render({ view: 'back' });
    expect(Math.min(...white(...sleeve))).toBeGreaterThan(200);
    expect(Math.max(...black(...sleeve))).toBeLessThan(70);
    // The print is the same on either colour; the back is plain cloth where the front is printed.
    expect(distance(white(...middle), black(...middle))).toBeLessThan(30);
    expect(Math.min(...back(...middle))).toBeGreaterThan(200);
  });

  it('lays a raster tile (a design from an image provider) in the same way', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#1d2a4d' } })
      .png()
      .toBuffer();
    const raster: DesignArtwork = { designId: art.designId, seed: 9, kind: 'raster', png };
    const tote = productOf('tote-aop');
    const area = PRODUCT_GEOMETRY['tote-aop'].printAreaOnCanvas;
    const look = resolveLook(tote, { size: 1000 });
    const repeat = { scale: 50, rotation: 45 };
    const shown = await pixels(await compositeMockup(designMockupComposite(raster, tote, { repeat }, look)));
    const whole = new Resvg(await designMockupSvg(raster, tote, { repeat })).render();
    const single = await pixels(
      await sharp(whole.pixels, { raw: { width: 1000, height: 1000, channels: 4, premultiplied: true } })
        .png()
        .toBuffer(),
    );
    // Navy under the cloth's shading, as the one-SVG mockup draws it, across the bag.
    for (const fx of [0.2, 0.5, 0.8]) {
      const at = [area.x + area.width * fx, area.y + area.height / 2] as const;
      expect(distance(shown(...at), single(...at))).toBeLessThan(20);
      expect(Math.max(...shown(...at))).toBeLessThan(140);
    }
  });

  it('refuses a side or colour the product does not have', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as { details?: { path: string; message: string }[] }).details;
      }
      return undefined;
    };
    expect(refusal(() => resolveLook(productOf('dress-skater'), { view: 'back' }))).toEqual([
      { path: 'query.view', message: 'the All-Over Print Skater Dress has no back view' },
    ]);
    expect(refusal(() => resolveLook(productOf('tshirt-unisex'), { color: 'Mauve' }))).toEqual([
      { path: 'query.color', message: 'the Unisex Staple T-Shirt comes in White, Black' },
    ]);
  });

  it('keeps each look in its own stored file and renders it once', async () => {
    const files = new Map<string, Buffer>();
    let puts = 0;
    const storage = {
      get: async (key: string) => (files.has(key) ? { body: files.get(key)! } : null),
      put: async (key: string, body: Buffer) => {
        puts++;
        files.set(key, body);
      },
    } as unknown as FileStorage;
    const mockups = new Mockups(storage);
    const hoodie = productOf('hoodie-unisex');
    const front = resolveLook(hoodie, {});
    const backBlack = resolveLook(hoodie, { view: 'back', color: 'Black', size: 400 });
    const [a, b] = await Promise.all([
      mockups.get(art, hoodie, {}, front),
      mockups.get(art, hoodie, {}, front),
    ]);
    expect(a.equals(b)).toBe(true);
    await mockups.get(art, hoodie, {}, backBlack);
    await mockups.get(art, hoodie, {}, backBlack);
    expect(puts).toBe(2);
    expect([...files.keys()]).toEqual([
      mockupKey(art, hoodie.id, {}, front),
      mockupKey(art, hoodie.id, {}, backBlack),
    ]);
    expect(mockupKey(art, hoodie.id, {}, backBlack)).toMatch(/hoodie-unisex-back-black-400\.png$/);
    expect((await sharp(files.get(mockupKey(art, hoodie.id, {}, backBlack))!).metadata()).width).toBe(400);
  });
});
