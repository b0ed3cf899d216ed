/**
 * Mockup rows: a 1000 px mockup of a design the server has not drawn before (composited in a
 * render worker over the product's kept layers), the same mockup served again (memory, then
 * storage), and the same mockup drawn as one SVG by resvg (creases blurred per render) for comparison.
 */
import { EXAMPLE_PROMPTS, generateDesign } from '@btb/pattern-engine';
import type { Product } from '@btb/contracts';
import { seedProducts } from '../apps/server/src/modules/catalog/seed-products.ts';
import type { DesignArtwork } from '../apps/server/src/modules/orders/artwork/design-artwork.ts';
import {
  designMockupComposite,
  designMockupSvg,
  Mockups,
  resolveLook,
} from '../apps/server/src/modules/orders/artwork/mockups.ts';
import type { FileStorage } from '../apps/server/src/platform/storage/file-storage.ts';
import { compositeMockup, svgToPng } from '../apps/server/src/modules/studio/rendering.ts';
import type { Row } from './run.ts';
import { inProcessRow, percentile, time } from './samples.ts';

const row = (scenario: string, samples: number[], note: string): Row =>
  inProcessRow(scenario, samples, note, 1);

/** A storage that keeps files in memory, so the cached row measures the mockups' own path. */
function memoryStorage(): FileStorage {
  const files = new Map<string, Buffer>();
  return {
    get: async (key: string) => (files.has(key) ? { body: files.get(key)!, contentType: 'image/png' } : null),
    put: async (key: string, body: Buffer) => {
      files.set(key, body);
    },
  } as unknown as FileStorage;
}

export async function mockupRows(runs: number): Promise<Row[]> {
  console.error('[in-process] mockups');
  const products: Product[] = seedProducts.map((p) => ({
    ...p,
    currency: 'usd',
    variants: p.variants.map((v, i) => ({ ...v, id: String(i) })),
  }));
  // A different design for every run: nothing of it is cached in the render workers.
  const designs: DesignArtwork[] = Array.from({ length: runs * 2 }, (_, i) => {
    const { spec, tileSvg } = generateDesign({
      prompt: EXAMPLE_PROMPTS[i % EXAMPLE_PROMPTS.length]!,
      category: 'dress',
      style: 'casual',
      colors: [],
      seed: 300 + i,
    });
    const designId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return { designId, seed: 300 + i, kind: 'vector', tileSvg, tileSize: spec.tileSize };
  });
  const productAt = (i: number) => products[i % products.length]!;
  const look = (product: Product) => resolveLook(product, { size: 1000 });
  // The product layers are rasterised once per render worker; draw them before timing.
  for (let i = 0; i < products.length * 4; i++) {
    await compositeMockup(designMockupComposite(designs[0]!, productAt(i), {}, look(productAt(i))));
  }
  const uncached = await time(runs, (i) => {
    const product = productAt(i);
    return compositeMockup(designMockupComposite(designs[i + 1]!, product, {}, look(product)));
  });
  const mockups = new Mockups(memoryStorage());
  for (let i = 0; i < products.length; i++)
    await mockups.get(designs[0]!, productAt(i), {}, look(productAt(i)));
  const cached = await time(runs * 5, (i) => mockups.get(designs[0]!, productAt(i), {}, look(productAt(i))));
  const whole = await time(runs, async (i) =>
    svgToPng(await designMockupSvg(designs[runs + i]!, productAt(i), {}, { size: 1000 }), 1000),
  );
  const ratio = percentile(whole, 50) / percentile(uncached, 50);
  return [
    row(
      'mockup 1000 px, uncached (print laid over kept product layers)',
      uncached,
      'a new design each run, the five products in turn; goal ≤ 150 ms p50',
    ),
    row('mockup 1000 px, cached', cached, 'the same mockup asked again (served from memory, else storage)'),
    row(
      'mockup 1000 px as one SVG (resvg → PNG)',
      whole,
      `the same drawing rendered whole, blurs included: ${ratio.toFixed(1)}× the uncached mockup`,
    ),
  ];
}
