import type { Product } from '@btb/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProductMockup } from './product-mockup.tsx';

afterEach(cleanup);

const design = { id: '00000000-0000-4000-8000-0000000000ab', title: 'Lemons', isPublic: true };
const product = (id: string, category: Product['category'], colors: [string, string][]): Product => ({
  id,
  name: id,
  description: '',
  category,
  basePriceCents: 2400,
  printfulProductId: 71,
  currency: 'usd',
  printAreas: [],
  variants: colors.map(([color, colorHex], i) => ({
    id: String(i),
    size: 'M',
    color,
    colorHex,
    priceCents: 2400,
    printfulVariantId: 1 + i,
  })),
});

describe('a design on a product', () => {
  it('turns a t-shirt round and shows it in each colour, through the mockup URL', () => {
    render(
      <ProductMockup
        design={design}
        product={product('tshirt-unisex', 'shirt', [
          ['White', '#ffffff'],
          ['Black', '#111111'],
        ])}
      />,
    );
    const image = () => screen.getByRole('img').getAttribute('src');
    expect(image()).toBe(`/api/designs/${design.id}/mockups/tshirt-unisex`);
    fireEvent.click(screen.getByLabelText('back'));
    expect(image()).toBe(`/api/designs/${design.id}/mockups/tshirt-unisex?view=back`);
    fireEvent.click(screen.getByLabelText('Black'));
    expect(image()).toBe(`/api/designs/${design.id}/mockups/tshirt-unisex?view=back&color=Black`);
  });

  it('offers no sides or colours a product does not have', () => {
    render(
      <ProductMockup design={design} product={product('dress-skater', 'dress', [['Printed', '#ffffff']])} />,
    );
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
