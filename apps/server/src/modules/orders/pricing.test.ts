import { describe, expect, it } from 'vitest';
import { priceOrder, shippingCents, taxRateBps } from './pricing.ts';

describe('pricing', () => {
  it('US standard: 499 for the first item and 150 for each further one, no tax', () => {
    expect(
      priceOrder(
        [
          { unitPriceCents: 2400, quantity: 2 },
          { unitPriceCents: 2800, quantity: 1 },
        ],
        'US',
        'standard',
      ),
    ).toEqual({
      subtotalCents: 7600,
      shippingCents: 499 + 2 * 150,
      taxCents: 0,
      totalCents: 7600 + 799,
    });
  });

  it('express costs more; abroad costs more', () => {
    expect(shippingCents('US', 'express', 1)).toBe(1499);
    expect(shippingCents('CA', 'standard', 1)).toBe(999);
    expect(shippingCents('DE', 'standard', 3)).toBe(1099 + 2 * 250);
    expect(shippingCents('JP', 'standard', 1)).toBe(1299);
    expect(shippingCents('JP', 'express', 2)).toBe(3499 + 500);
    for (const country of ['US', 'CA', 'FR', 'AU']) {
      expect(shippingCents(country, 'express', 1)).toBeGreaterThan(shippingCents(country, 'standard', 1));
      if (country !== 'US')
        expect(shippingCents(country, 'standard', 1)).toBeGreaterThan(shippingCents('US', 'standard', 1));
    }
  });

  it('EU and UK pay 20% VAT on goods and shipping, rounded to the cent; others none', () => {
    expect(taxRateBps('DE')).toBe(2000);
    expect(taxRateBps('gb')).toBe(2000);
    expect(taxRateBps('US')).toBe(0);
    expect(taxRateBps('CH')).toBe(0);
    const de = priceOrder([{ unitPriceCents: 2401, quantity: 1 }], 'DE', 'standard');
    expect(de.taxCents).toBe(Math.round((2401 + 1099) * 0.2));
    expect(de.totalCents).toBe(de.subtotalCents + de.shippingCents + de.taxCents);
    expect(Number.isInteger(de.taxCents)).toBe(true);
  });
});
