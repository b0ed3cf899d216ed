import { boolean, index, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const catalogSchema = pgSchema('catalog');

export const products = catalogSchema.table('products', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  /** The design category whose garment preview this product uses. */
  category: text('category').notNull(),
  currency: text('currency').notNull().default('usd'),
  basePriceCents: integer('base_price_cents').notNull(),
  printfulProductId: integer('printful_product_id').notNull(),
  /** [{ placement, widthPx, heightPx, dpi }] */
  printAreas: jsonb('print_areas').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const variants = catalogSchema.table(
  'variants',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    size: text('size').notNull(),
    color: text('color').notNull(),
    colorHex: text('color_hex').notNull(),
    priceCents: integer('price_cents').notNull(),
    printfulVariantId: integer('printful_variant_id').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('variants_product_idx').on(t.productId, t.position)],
);
