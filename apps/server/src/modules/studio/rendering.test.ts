import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './rendering.ts';

const translucent =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="20" height="20" fill="#ff7f66" fill-opacity="0.5"/><rect x="20" width="20" height="20" fill="#1d2a4d"/></svg>';

async function pixelAt(png: Buffer, left: number, top: number) {
  const { data } = await sharp(png)
    .extract({ left, top, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [...data];
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
    const [r, g, b, a] = await pixelAt(png, 100, 100);
    expect(a).toBeGreaterThanOrEqual(127);
    expect(a).toBeLessThanOrEqual(128);
    // Half-transparent coral keeps its colour; premultiplied pixels would read about half as bright.
    for (const [got, want] of [
      [r, 0xff],
      [g, 0x7f],
      [b, 0x66],
    ] as const)
      expect(Math.abs(got! - want)).toBeLessThanOrEqual(2);
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
