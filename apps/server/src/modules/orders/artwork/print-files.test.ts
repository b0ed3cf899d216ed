import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tilesAcrossFor } from '@btb/contracts';
import { generateDesign } from '@btb/pattern-engine';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStorage } from '../../../platform/storage/local-storage.ts';
import { seedProducts } from '../../catalog/seed-products.ts';
import { type DesignArtwork, tileSizeOf } from './design-artwork.ts';
import { designMockupSvg } from './mockups.ts';
import { PrintFiles, renderPrintFile } from './print-files.ts';

const tileSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><rect width="400" height="400" fill="#1d2a4d"/><circle cx="200" cy="200" r="90" fill="#ff7f66"/></svg>';
const vector: DesignArtwork = {
  designId: '00000000-0000-4000-8000-000000000001',
  seed: 42,
  kind: 'vector',
  tileSvg,
  tileSize: 400,
};
const area = (productId: string) => seedProducts.find((p) => p.id === productId)!.printAreas[0]!;

describe('print files', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('renders the t-shirt front at 1800×2400 px, sRGB, 150 DPI in the PNG', async () => {
    const png = await renderPrintFile(vector, area('tshirt-unisex'));
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1800, height: 2400, density: 150, space: 'srgb' });
    // The pattern repeats: the first tile's centre is the coral circle.
    const tile = 1800 / tilesAcrossFor(area('tshirt-unisex'));
    const { data } = await sharp(png)
      .extract({ left: Math.round(tile / 2), top: Math.round(tile / 2), width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([0xff, 0x7f, 0x66]);
  });

  it('tiles a raster design to the full print area too', async () => {
    const raster: DesignArtwork = {
      designId: vector.designId,
      seed: 7,
      kind: 'raster',
      png: await sharp(Buffer.from(tileSvg)).png().toBuffer(),
    };
    const meta = await sharp(await renderPrintFile(raster, area('tote-aop'))).metadata();
    expect(meta).toMatchObject({ width: 2250, height: 2250, density: 150 });
  });

  it('stores print files once per design seed, product and placement', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'btb-print-'));
    dirs.push(dir);
    const storage = new LocalStorage(dir);
    const files = new PrintFiles(storage);
    const product = seedProducts.find((p) => p.id === 'tshirt-unisex')!;
    const keys = await files.ensure(vector, { ...product, currency: 'usd', variants: [] } as never);
    expect(keys).toEqual({ front: `designs/${vector.designId}/42/print/tshirt-unisex-front.png` });
    expect(await storage.exists(keys.front!)).toBe(true);
  });

  it('reads the tile size of a generated tile', () => {
    expect(tileSizeOf(tileSvg)).toBe(400);
    const generated = generateDesign({
      prompt: 'navy linen summer dress with small coral lemons',
      category: 'dress',
      style: 'casual',
      colors: [],
      seed: 3,
    } as never);
    expect(tileSizeOf(generated.tileSvg)).toBe(generated.spec.tileSize);
  });

  it('mockups draw every product', async () => {
    for (const p of seedProducts) {
      const svg = await designMockupSvg(vector, {
        ...p,
        currency: 'usd',
        variants: p.variants.map((v, i) => ({ ...v, id: String(i) })),
      });
      expect(svg).toContain('url(#btb-print)');
    }
  });
});
