import type { Design, MockupView, Product } from '@btb/contracts';
import { useState } from 'react';
import { api } from '../api/index.ts';
import { AuthImage } from './auth-image.tsx';
import { MockupLookPicker } from './mockup-look-picker.tsx';

/** The design on one product, with its front/back and colours to flip through. */
export function ProductMockup({
  design,
  product,
}: {
  design: Pick<Design, 'id' | 'title' | 'isPublic'>;
  product: Product;
}) {
  const [view, setView] = useState<MockupView>('front');
  const [color, setColor] = useState<string | undefined>(undefined);
  return (
    <div className="relative">
      <AuthImage
        src={api.designs.mockupUrl(design.id, product.id, {}, { view, color })}
        needsAuth={!design.isPublic}
        alt={`${design.title} on the ${product.name}${color ? ` in ${color}` : ''}, ${view}`}
        loading="lazy"
        className="aspect-square w-full bg-linen object-cover"
      />
      <MockupLookPicker
        product={product}
        view={view}
        onView={setView}
        color={color}
        onColor={setColor}
        className="absolute inset-x-2 bottom-2 justify-between"
      />
    </div>
  );
}
