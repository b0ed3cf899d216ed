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
import { PrintFiles, printPositionsOf, renderPrintFile } from './print-files.ts';

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

  /** The pixel of a PNG at (x, y) as [r, g, b]. */
  const pixel = async (png: Buffer, x: number, y: number) => {
    const { data } = await sharp(png)
      .extract({ left: x, top: y, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return [data[0], data[1], data[2]];
  };
  const coral = [0xff, 0x7f, 0x66];
  const navy = [0x1d, 0x2a, 0x4d];

  it('renders a moved and resized t-shirt print as its own rectangle, and tells Printful where it goes', async () => {
    const product = { ...seedProducts.find((p) => p.id === 'tshirt-unisex')!, currency: 'usd', variants: [] };
    const placement = { x: 300, y: 600, width: 900 };
    const png = await renderPrintFile(vector, area('tshirt-unisex'), { placement });
    expect(await sharp(png).metadata()).toMatchObject({ width: 900, height: 1200, density: 150 });
    // The print keeps its three tiles across as it shrinks: tiles of 300 px, coral in the middle of each.
    expect(await pixel(png, 150, 150)).toEqual(coral);
    expect(await pixel(png, 450, 150)).toEqual(coral);
    expect(await pixel(png, 300, 300)).toEqual(navy);
    expect(printPositionsOf(product as never, { placement })).toEqual({
      front: { areaWidth: 1800, areaHeight: 2400, width: 900, height: 1200, top: 600, left: 300 },
    });
    expect(printPositionsOf(product as never, {})).toBeUndefined();
  });

  it('renders an all-over file at 50% and 200% of the repeat’s size', async () => {
    // The tote is 15 in wide: four ~4 in tiles of 562.5 px at 100%.
    const half = await renderPrintFile(vector, area('tote-aop'), { repeat: { scale: 50, rotation: 0 } });
    const double = await renderPrintFile(vector, area('tote-aop'), { repeat: { scale: 200, rotation: 0 } });
    for (const png of [half, double]) {
      expect(await sharp(png).metadata()).toMatchObject({ width: 2250, height: 2250, density: 150 });
    }
    // 50%: tiles of 281.25 px, so a tile's centre at 140 px and a corner at 562 px.
    expect(await pixel(half, 140, 140)).toEqual(coral);
    expect(await pixel(half, 562, 562)).toEqual(navy);
    // 200%: tiles of 1125 px, so 140 px is far from the first tile's coral centre at 562 px.
    expect(await pixel(double, 140, 140)).toEqual(navy);
    expect(await pixel(double, 562, 562)).toEqual(coral);
  });

  it('turns an all-over repeat, for raster designs too', async () => {
    // A tile that is coral on its left half and navy on its right: turned 90°, the halves are top and bottom.
    const halves = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#1d2a4d' } })
      .composite([
        {
          input: { create: { width: 100, height: 200, channels: 3, background: '#ff7f66' } },
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const raster: DesignArtwork = { designId: vector.designId, seed: 8, kind: 'raster', png: halves };
    const straight = await renderPrintFile(raster, area('tote-aop'), { repeat: { scale: 100, rotation: 0 } });
    const turned = await renderPrintFile(raster, area('tote-aop'), { repeat: { scale: 100, rotation: 90 } });
    const row = async (png: Buffer) => Promise.all([100, 200, 300, 400, 500].map((x) => pixel(png, x, 1125)));
    const column = async (png: Buffer) =>
      Promise.all([100, 200, 300, 400, 500].map((y) => pixel(png, 1125, y)));
    // Straight: colours change along a row, not down a column; turned: the other way round.
    expect(new Set((await row(straight)).map(String)).size).toBe(2);
    expect(new Set((await column(straight)).map(String)).size).toBe(1);
    expect(new Set((await row(turned)).map(String)).size).toBe(1);
    expect(new Set((await column(turned)).map(String)).size).toBe(2);
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
