import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { repeatToPng, svgToPng } from './rendering.ts';

const translucent =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="20" height="20" fill="#ff7f66" fill-opacity="0.5"/><rect x="20" width="20" height="20" fill="#1d2a4d"/></svg>';

async function pixelAt(png: Buffer, left: number, top: number) {
  const { data } = await sharp(png)
    .extract({ left, top, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [...data];
}

/** Half-transparent coral read back with its colour: premultiplied pixels would read about half as bright. */
async function expectHalfCoral(png: Buffer, left: number, top: number) {
  const [r, g, b, a] = await pixelAt(png, left, top);
  for (const [got, want] of [
    [r, 0xff],
    [g, 0x7f],
    [b, 0x66],
    [a, 0x80],
  ] as const)
    expect(Math.abs(got! - want)).toBeLessThanOrEqual(2);
}

describe('svgToPng', () => {
  it('renders at the asked width with straight (not premultiplied) colours and the DPI in the PNG', async () => {
    const png = await svgToPng(translucent, 400, 300);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({
      format: 'png',
      width: 400,
      height: 200,
      channels: 4,
      density: 300,
      space: 'srgb',
    });
    await expectHalfCoral(png, 100, 100);
    expect(await pixelAt(png, 300, 100)).toEqual([0x1d, 0x2a, 0x4d, 0xff]);
  });

  it('leaves the density unset without a DPI', async () => {
    const meta = await sharp(await svgToPng(translucent, 80)).metadata();
    expect(meta).toMatchObject({ width: 80, height: 40 });
    expect(meta.density).toBeUndefined();
  });

  it('rejects an SVG it cannot read, and the next render still works', async () => {
    await expect(svgToPng('<svg', 100)).rejects.toThrow(/render failed/);
    const renders = await Promise.all([1, 2, 3, 4, 5].map((i) => svgToPng(translucent, 20 * i)));
    expect(await Promise.all(renders.map(async (png) => (await sharp(png).metadata()).width))).toEqual([
      20, 40, 60, 80, 100,
    ]);
  });
});

/** A 40-unit tile: a coral square top left (half transparent) and a navy dot bottom right. */
const tile =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect width="20" height="20" fill="#ff7f66" fill-opacity="0.5"/><circle cx="30" cy="30" r="6" fill="#1d2a4d"/></svg>';

describe('repeatToPng', () => {
  it('repeats the tile over the whole file, straight colours and the DPI kept', async () => {
    const png = await repeatToPng(tile, 3, 300, 500, 150);
    expect(await sharp(png).metadata()).toMatchObject({
      width: 300,
      height: 500,
      density: 150,
      space: 'srgb',
    });
    // Each copy of the tile (100 px) has the navy dot at (75, 75) and the coral square at (25, 25).
    for (const [x, y] of [
      [75, 75],
      [175, 75],
      [275, 475],
    ] as const)
      expect(await pixelAt(png, x, y)).toEqual([0x1d, 0x2a, 0x4d, 0xff]);
    await expectHalfCoral(png, 225, 425);
    expect((await pixelAt(png, 150, 150))[3]).toBe(0);
  });

  it('cuts a tile larger than the file after repeating it', async () => {
    // Half a tile across: the tile is 600 px, the file 300 × 900, so it repeats down, not across.
    const png = await repeatToPng(tile, 0.5, 300, 900);
    expect(await sharp(png).metadata()).toMatchObject({ width: 300, height: 900 });
    expect((await pixelAt(png, 100, 100))[3]).toBeGreaterThan(100);
    expect((await pixelAt(png, 100, 700))[3]).toBeGreaterThan(100);
    expect((await pixelAt(png, 100, 400))[3]).toBe(0);
  });
});
