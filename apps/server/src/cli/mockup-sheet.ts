/**
 * The README's picture of one design on every product, drawn as the mockup endpoint draws them:
 *   npm run docs:mockups [-- --prompt "navy linen summer dress with small coral lemons" --out docs/screenshots/mockups-all-products.png]
 * The first row is the five products; the second the t-shirt and hoodie in their other colour and
 * from the back.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { MockupLook, Product } from '@btb/contracts';
import { generateDesign } from '@btb/pattern-engine';
import sharp from 'sharp';
import { seedProducts } from '../modules/catalog/seed-products.ts';
import type { DesignArtwork } from '../modules/orders/artwork/design-artwork.ts';
import { designMockupComposite, resolveLook } from '../modules/orders/artwork/mockups.ts';
import { compositeMockup } from '../modules/studio/rendering.ts';

const { values } = parseArgs({
  options: {
    prompt: { type: 'string', default: 'navy linen summer dress with small coral lemons' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'docs/screenshots/mockups-all-products.png' },
  },
});

const CELL = 500;
const seed = Number(values.seed);
const { spec, tileSvg } = generateDesign({ prompt: values.prompt, category: 'dress', style: 'casual', seed });
const art: DesignArtwork = {
  designId: '00000000-0000-4000-8000-000000000000',
  seed,
  kind: 'vector',
  tileSvg,
  tileSize: spec.tileSize,
};
const products: Product[] = seedProducts.map((p) => ({
  ...p,
  currency: 'usd',
  variants: p.variants.map((v, i) => ({ ...v, id: String(i) })),
}));
const product = (id: string) => {
  const found = products.find((p) => p.id === id);
  if (!found) throw new Error(`no product ${id} in the catalogue`);
  return found;
};

const rows: [string, MockupLook][][] = [
  products.map((p) => [p.id, {}]),
  [
    ['tshirt-unisex', { color: 'Black' }],
    ['tshirt-unisex', { view: 'back' }],
    ['hoodie-unisex', { color: 'Black' }],
    ['hoodie-unisex', { view: 'back', color: 'Black' }],
    ['hoodie-unisex', { view: 'back' }],
  ],
];
const cells = await Promise.all(
  rows
    .flat()
    .map(([id, look]) =>
      compositeMockup(
        designMockupComposite(art, product(id), {}, resolveLook(product(id), { ...look, size: CELL })),
      ),
    ),
);
const sheet = await sharp({
  create: { width: CELL * 5, height: CELL * rows.length, channels: 3, background: '#f3efe9' },
})
  .composite(cells.map((input, i) => ({ input, left: (i % 5) * CELL, top: Math.floor(i / 5) * CELL })))
  .png({ compressionLevel: 9 })
  .toBuffer();
await writeFile(values.out, sheet);
console.log(`${values.out}: ${cells.length} mockups of "${values.prompt}"`);
process.exit(0);
