import { type Category, PRODUCT_GEOMETRY, type ProductFacts, type ProductPrintArea } from '@btb/contracts';

/**
 * The launch catalogue, mapped to Printful catalog products and variants. Print areas come from
 * the products' geometry (Printful's print file guidelines: the t-shirt front is 1800×2400 px at
 * 150 DPI, 12×16 in).
 * The migration `0005_catalog_seed.sql` inserts exactly this (it is the output of `seedSql()`).
 */
export interface SeedProduct {
  id: string;
  name: string;
  description: string;
  category: Category;
  basePriceCents: number;
  printfulProductId: number;
  printAreas: ProductPrintArea[];
  variants: {
    size: string;
    color: string;
    colorHex: string;
    priceCents: number;
    printfulVariantId: number;
  }[];
}

const sized = (
  sizes: [string, number][],
  colors: [string, string, number][],
  base: number,
  upcharge: Record<string, number> = {},
) =>
  colors.flatMap(([color, colorHex, firstId]) =>
    sizes.map(([size], si) => ({
      size,
      color,
      colorHex,
      priceCents: base + (upcharge[size] ?? 0),
      printfulVariantId: firstId + si,
    })),
  );

export const seedProducts: SeedProduct[] = [
  {
    id: 'tshirt-unisex',
    name: 'Unisex Staple T-Shirt',
    description: 'Bella + Canvas 3001: soft ring-spun cotton, your design printed on the front.',
    category: 'shirt',
    basePriceCents: 2400,
    printfulProductId: 71,
    printAreas: [PRODUCT_GEOMETRY['tshirt-unisex'].printArea],
    variants: sized(
      [
        ['S', 0],
        ['M', 0],
        ['L', 0],
        ['XL', 0],
        ['2XL', 0],
      ],
      [
        ['White', '#ffffff', 4011],
        ['Black', '#111111', 4016],
      ],
      2400,
      { '2XL': 300 },
    ),
  },
  {
    id: 'hoodie-unisex',
    name: 'Unisex Heavy Blend Hoodie',
    description: 'Gildan 18500: a warm pullover hoodie with your design on the front.',
    category: 'shirt',
    basePriceCents: 4200,
    printfulProductId: 146,
    printAreas: [PRODUCT_GEOMETRY['hoodie-unisex'].printArea],
    variants: sized(
      [
        ['S', 0],
        ['M', 0],
        ['L', 0],
        ['XL', 0],
        ['2XL', 0],
      ],
      [
        ['White', '#ffffff', 5522],
        ['Black', '#111111', 5530],
      ],
      4200,
      { '2XL': 400 },
    ),
  },
  {
    id: 'dress-skater',
    name: 'All-Over Print Skater Dress',
    description: 'A flared skater dress printed edge to edge with your pattern.',
    category: 'dress',
    basePriceCents: 5600,
    printfulProductId: 293,
    printAreas: [PRODUCT_GEOMETRY['dress-skater'].printArea],
    variants: sized(
      [
        ['XS', 0],
        ['S', 0],
        ['M', 0],
        ['L', 0],
        ['XL', 0],
      ],
      [['Printed', '#ffffff', 9390]],
      5600,
    ),
  },
  {
    id: 'leggings-aop',
    name: 'All-Over Print Leggings',
    description: 'High-waisted leggings with four-way stretch, printed all over.',
    category: 'pants',
    basePriceCents: 4400,
    printfulProductId: 189,
    printAreas: [PRODUCT_GEOMETRY['leggings-aop'].printArea],
    variants: sized(
      [
        ['XS', 0],
        ['S', 0],
        ['M', 0],
        ['L', 0],
        ['XL', 0],
      ],
      [['Printed', '#ffffff', 7678]],
      4400,
    ),
  },
  {
    id: 'tote-aop',
    name: 'All-Over Print Tote Bag',
    description: 'A sturdy 15″×15″ tote with your pattern on both sides.',
    category: 'accessories',
    basePriceCents: 2800,
    printfulProductId: 274,
    printAreas: [PRODUCT_GEOMETRY['tote-aop'].printArea],
    variants: sized([['15″×15″', 0]], [['Black handles', '#111111', 9039]], 2800),
  },
];

/** Printful's fulfilment times for these products, standard shipping from its US and EU centres. */
const shippingDays: ProductFacts['shippingDays'] = [
  { region: 'United States', countries: ['US'], days: { min: 3, max: 5 } },
  {
    region: 'Europe',
    countries: ['DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AT', 'IE', 'PT', 'LV', 'PL', 'SE', 'DK', 'FI'],
    days: { min: 4, max: 8 },
  },
  { region: 'United Kingdom and Canada', countries: ['GB', 'CA'], days: { min: 5, max: 9 } },
  { region: 'Rest of the world', countries: [], days: { min: 7, max: 20 } },
];
const chart = (sizes: string[], width0: number, length0: number, widthStep: number, lengthStep: number) =>
  sizes.map((size, i) => ({ size, widthCm: width0 + i * widthStep, lengthCm: length0 + i * lengthStep }));
const letterSizes = ['S', 'M', 'L', 'XL', '2XL'];
const smallSizes = ['XS', 'S', 'M', 'L', 'XL'];

/** The facts shown before checkout, served with the catalogue. */
export const productFacts: Record<string, ProductFacts> = {
  'tshirt-unisex': {
    fabric: '100% Airlume combed and ring-spun cotton, 142 g/m²',
    care: 'Machine wash cold, inside out; tumble dry low; do not iron the print',
    sizeChart: chart(letterSizes, 46, 71, 5, 2.5),
    productionDays: { min: 2, max: 5 },
    shippingDays,
  },
  'hoodie-unisex': {
    fabric: '50% cotton, 50% polyester fleece, 271 g/m²',
    care: 'Machine wash cold, inside out; tumble dry low; do not iron the print',
    sizeChart: chart(letterSizes, 51, 69, 5, 2.5),
    productionDays: { min: 2, max: 5 },
    shippingDays,
  },
  'dress-skater': {
    fabric: '82% polyester, 18% spandex jersey, 195 g/m², printed before cutting',
    care: 'Machine wash cold, gentle cycle; hang to dry; do not iron',
    sizeChart: chart(smallSizes, 39, 84, 4, 2),
    productionDays: { min: 3, max: 7 },
    shippingDays,
  },
  'leggings-aop': {
    fabric: '82% polyester, 18% spandex, four-way stretch, 250 g/m²',
    care: 'Machine wash cold, gentle cycle; hang to dry; do not iron',
    sizeChart: chart(smallSizes, 29, 94, 3, 1.5),
    productionDays: { min: 3, max: 7 },
    shippingDays,
  },
  'tote-aop': {
    fabric: '100% spun polyester, 280 g/m², black cotton handles',
    care: 'Spot clean or hand wash cold; hang to dry',
    sizeChart: [{ size: '15″×15″', widthCm: 38, lengthCm: 38 }],
    productionDays: { min: 2, max: 5 },
    shippingDays,
  },
};

export const variantIdOf = (productId: string, size: string, color: string) =>
  `${productId}-${color}-${size}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-+$/, '');

/** The INSERT statements of the seed migration. */
export function seedSql(): string {
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const lines: string[] = [];
  seedProducts.forEach((p, pi) => {
    lines.push(
      `INSERT INTO "catalog"."products" ("id","name","description","category","currency","base_price_cents","printful_product_id","print_areas","position") VALUES (${q(p.id)},${q(p.name)},${q(p.description)},${q(p.category)},'usd',${p.basePriceCents},${p.printfulProductId},${q(JSON.stringify(p.printAreas))}::jsonb,${pi}) ON CONFLICT ("id") DO NOTHING;`,
    );
    p.variants.forEach((v, vi) => {
      lines.push(
        `INSERT INTO "catalog"."variants" ("id","product_id","size","color","color_hex","price_cents","printful_variant_id","position") VALUES (${q(variantIdOf(p.id, v.size, v.color))},${q(p.id)},${q(v.size)},${q(v.color)},${q(v.colorHex)},${v.priceCents},${v.printfulVariantId},${vi}) ON CONFLICT ("id") DO NOTHING;`,
      );
    });
  });
  return lines.join('\n--> statement-breakpoint\n');
}
