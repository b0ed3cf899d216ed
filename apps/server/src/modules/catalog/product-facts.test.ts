import { productFactsSchema } from '@btb/contracts';
import { describe, expect, it } from 'vitest';
import { productFacts, seedProducts } from './seed-products.ts';

describe('product facts in the catalogue seed', () => {
  it.each(seedProducts.map((p) => [p.id, p] as const))(
    '%s has a size chart row for every size it is sold in, fabric, care and delivery times',
    (id, product) => {
      const facts = productFactsSchema.parse(productFacts[id]);
      expect(facts.sizeChart.map((r) => r.size)).toEqual([...new Set(product.variants.map((v) => v.size))]);
      expect(facts.fabric.length).toBeGreaterThan(10);
      expect(facts.care.length).toBeGreaterThan(10);
      expect(facts.productionDays.min).toBeLessThanOrEqual(facts.productionDays.max);
      // Every destination has an estimate: named countries, then the rest of the world.
      expect(facts.shippingDays.filter((s) => s.countries.length === 0)).toHaveLength(1);
    },
  );
});
