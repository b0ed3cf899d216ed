/**
 * Order pricing, all in integer cents.
 *
 * Shipping (flat, per order, by destination and method; each item after the first adds a little):
 *
 * | zone                         | standard      | express        |
 * |------------------------------|---------------|----------------|
 * | US                           | 499 + 150/item| 1499 + 250/item|
 * | CA, MX                       | 999 + 250/item| 2499 + 400/item|
 * | EU member states, GB, CH, NO | 1099 + 250/item| 2799 + 400/item|
 * | rest of the world            | 1299 + 300/item| 3499 + 500/item|
 *
 * Tax (a deliberately simple table; a tax service replaces it before real sales):
 * EU member states and GB charge 20% VAT on goods and shipping; everywhere else 0 (US sales tax
 * is not collected here: state rules and nexus are out of scope for the launch).
 */
export type ShippingMethod = 'standard' | 'express';

interface ShippingRate {
  first: number;
  additional: number;
}

interface Zone {
  standard: ShippingRate;
  express: ShippingRate;
}

const zones = {
  domestic: { standard: { first: 499, additional: 150 }, express: { first: 1499, additional: 250 } },
  northAmerica: { standard: { first: 999, additional: 250 }, express: { first: 2499, additional: 400 } },
  europe: { standard: { first: 1099, additional: 250 }, express: { first: 2799, additional: 400 } },
  worldwide: { standard: { first: 1299, additional: 300 }, express: { first: 3499, additional: 500 } },
} satisfies Record<string, Zone>;

export const EU_COUNTRIES = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);

function zoneOf(country: string): Zone {
  const c = country.toUpperCase();
  if (c === 'US') return zones.domestic;
  if (c === 'CA' || c === 'MX') return zones.northAmerica;
  if (EU_COUNTRIES.has(c) || c === 'GB' || c === 'CH' || c === 'NO') return zones.europe;
  return zones.worldwide;
}

/** Tax rate in basis points (2000 = 20%). */
export function taxRateBps(country: string): number {
  const c = country.toUpperCase();
  return EU_COUNTRIES.has(c) || c === 'GB' ? 2000 : 0;
}

export function shippingCents(country: string, method: ShippingMethod, itemCount: number): number {
  const rate = zoneOf(country)[method];
  return rate.first + Math.max(0, itemCount - 1) * rate.additional;
}

export interface PricedOrder {
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

export function priceOrder(
  lines: { unitPriceCents: number; quantity: number }[],
  country: string,
  method: ShippingMethod,
): PricedOrder {
  const subtotal = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const items = lines.reduce((n, l) => n + l.quantity, 0);
  const shipping = shippingCents(country, method, items);
  const tax = Math.round(((subtotal + shipping) * taxRateBps(country)) / 10_000);
  return {
    subtotalCents: subtotal,
    shippingCents: shipping,
    taxCents: tax,
    totalCents: subtotal + shipping + tax,
  };
}
