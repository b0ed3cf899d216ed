import type { Product } from '@btb/contracts';
import { asc, eq } from 'drizzle-orm';
import type { TwoLevelCache } from '../../platform/cache/two-level-cache.ts';
import type { Db } from '../../platform/db/database.ts';
import { productFacts } from './seed-products.ts';
import { products, variants } from './tables.ts';

const CATALOG_KEY = 'catalog:products';

export class CatalogService {
  constructor(
    private readonly db: Db,
    private readonly cache: TwoLevelCache,
  ) {}

  /** Active products with their active variants, in catalogue order. */
  async listProducts(): Promise<Product[]> {
    return this.cache.getOrLoad(
      CATALOG_KEY,
      async () => {
        const [productRows, variantRows] = await Promise.all([
          this.db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.position)),
          this.db.select().from(variants).where(eq(variants.active, true)).orderBy(asc(variants.position)),
        ]);
        return productRows.map((p) => ({
          id: p.id,
          name: p.name,
          description: p.description,
          category: p.category as Product['category'],
          currency: p.currency,
          basePriceCents: p.basePriceCents,
          printfulProductId: p.printfulProductId,
          printAreas: p.printAreas as Product['printAreas'],
          ...(productFacts[p.id] ? { facts: productFacts[p.id] } : {}),
          variants: variantRows
            .filter((v) => v.productId === p.id)
            .map((v) => ({
              id: v.id,
              size: v.size,
              color: v.color,
              colorHex: v.colorHex,
              priceCents: v.priceCents,
              printfulVariantId: v.printfulVariantId,
            })),
        }));
      },
      300,
    );
  }

  async getProduct(id: string): Promise<Product | undefined> {
    return (await this.listProducts()).find((p) => p.id === id);
  }

  /** A product and one of its variants, or a reason they do not go together. */
  async resolveVariant(productId: string, variantId: string) {
    const product = await this.getProduct(productId);
    if (!product) return { error: `Unknown product "${productId}"` } as const;
    const variant = product.variants.find((v) => v.id === variantId);
    if (!variant) return { error: `Variant "${variantId}" does not belong to ${product.name}` } as const;
    return { product, variant } as const;
  }
}
