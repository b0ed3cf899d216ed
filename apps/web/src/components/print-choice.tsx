import {
  type Design,
  effectiveDpi,
  fullPlacement,
  type MockupView,
  type PrintOptions,
  type Product,
  productGeometry,
  viewsOf,
} from '@btb/contracts';
import { useState } from 'react';
import { api } from '../api/index.ts';
import { useDebouncedValue } from '../lib/use-debounce.ts';
import { AuthImage } from './auth-image.tsx';
import { MockupLookPicker } from './mockup-look-picker.tsx';
import { PlacementFrame } from './print/placement-frame.tsx';
import { PlacementInputs, RepeatInputs } from './print/print-inputs.tsx';

interface Props {
  design: Pick<Design, 'id' | 'title' | 'isPublic' | 'quality'>;
  product: Product;
  value: PrintOptions;
  onChange: (value: PrintOptions) => void;
  /** The garment colour chosen (a variant's colour name), shown in the mockup. */
  color?: string;
}

/**
 * Where the design goes on the product: a placed print is dragged, resized by its corner handle or
 * typed in (arrow keys move it, or resize it on the handle); an all-over repeat gets a scale and a
 * rotation. The mockup beneath is the server's, drawn with the same choice the order will carry.
 */
export function PrintChoice({ design, product, value, onChange, color }: Props) {
  const geometry = productGeometry(product.id, product.category);
  const area = product.printAreas[0] ?? geometry.printArea;
  const shown = useDebouncedValue(value, 250);
  const [view, setView] = useState<MockupView>('front');
  const side = viewsOf(geometry).includes(view) ? view : 'front';
  const dpi = design.quality ? effectiveDpi(design.quality, area, value) : null;
  return (
    <div className="flex flex-col gap-3">
      <div className="relative aspect-square w-full max-w-sm overflow-hidden rounded-xl bg-linen">
        <AuthImage
          src={api.designs.mockupUrl(design.id, product.id, shown, { view: side, color })}
          needsAuth={!design.isPublic}
          alt={`${design.title} on the ${product.name}${color ? ` in ${color}` : ''}, ${side}, as it will be printed`}
          className="h-full w-full object-cover"
        />
        <MockupLookPicker product={product} view={side} onView={setView} className="absolute top-2 right-2" />
        {geometry.printKind === 'placed' && side === 'front' && (
          <PlacementFrame
            product={product}
            placement={value.placement ?? fullPlacement(area)}
            onChange={(placement) => onChange({ placement })}
          />
        )}
      </div>
      {geometry.printKind === 'placed' ? (
        <PlacementInputs
          product={product}
          placement={value.placement ?? fullPlacement(area)}
          onChange={(placement) => onChange({ placement })}
        />
      ) : (
        <RepeatInputs value={value} onChange={onChange} />
      )}
      {dpi !== null && (
        <p className="text-xs text-ink-soft" aria-live="polite">
          Prints at {dpi} DPI{dpi < 150 ? ': below 150 DPI it will look soft' : ''}.
        </p>
      )}
    </div>
  );
}
