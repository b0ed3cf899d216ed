import { describe, expect, it } from 'vitest';
import { assessQuality } from './quality.ts';

const products = [
  {
    id: 'tshirt-unisex',
    printAreas: [{ placement: 'front', widthPx: 1800, heightPx: 2400, dpi: 150 }],
  },
] as unknown as Parameters<typeof assessQuality>[0]['products'];

const raster = (seam?: { before: number; after: number; repaired: boolean; seamless: boolean }) =>
  assessQuality({
    artwork: { kind: 'raster', width: 1024, height: 1024, seam },
    palette: ['#1f2a44', '#f5e6c8'],
    products,
  });

describe('assessQuality for painted (raster) tiles', () => {
  it('is print-ready when the tile repeats seamlessly and has the pixels', () => {
    const report = raster({ before: 1.1, after: 1.1, repaired: false, seamless: true });
    expect(report.printReady).toBe(true);
    expect(report.seam).toEqual({ before: 1.1, after: 1.1, repaired: false, seamless: true });
    expect(report.warnings).toEqual([]);
  });

  it('says when the seam was mended, and refuses print-readiness when it still shows', () => {
    const mended = raster({ before: 6.2, after: 1.2, repaired: true, seamless: true });
    expect(mended.printReady).toBe(true);
    expect(mended.warnings.join(' ')).toMatch(/did not repeat seamlessly \(seam 6.2\).*blended/);

    const seamed = raster({ before: 6.2, after: 2.4, repaired: true, seamless: false });
    expect(seamed.printReady).toBe(false);
    expect(seamed.warnings.join(' ')).toMatch(/not print-ready/);
  });

  it('leaves vectors without a seam measure', () => {
    const report = assessQuality({ artwork: { kind: 'vector' }, palette: ['#000000', '#ffffff'], products });
    expect(report.seam).toBeUndefined();
    expect(report.printReady).toBe(true);
  });
});
