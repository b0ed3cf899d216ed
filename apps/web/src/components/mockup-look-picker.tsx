import { type MockupView, type Product, productGeometry, viewsOf } from '@btb/contracts';
import { cn } from '../lib/cn.ts';

/** A product's colours (one per colour its variants come in), in catalogue order. */
export const colorsOf = (product: Product) => [
  ...new Map(product.variants.map((v) => [v.color, v.colorHex] as const)).entries(),
];

interface Props {
  product: Product;
  view: MockupView;
  onView: (view: MockupView) => void;
  /** The colour shown; omit `onColor` where the colour is chosen elsewhere (checkout's base colour). */
  color?: string;
  onColor?: (color: string) => void;
  className?: string;
}

/** Front/back and garment colour for a product's mockup, shown only where the product has a choice. */
export function MockupLookPicker({ product, view, onView, color, onColor, className }: Props) {
  const views = viewsOf(productGeometry(product.id, product.category));
  const colors = colorsOf(product);
  if (views.length < 2 && (colors.length < 2 || !onColor)) return null;
  return (
    <div className={cn('flex flex-wrap items-center gap-2', className)}>
      {views.length > 1 && (
        <fieldset className="flex overflow-hidden rounded-lg border border-sand text-xs">
          <legend className="sr-only">Side of the {product.name} shown</legend>
          {views.map((v) => (
            <label key={v} className="cursor-pointer">
              <input
                type="radio"
                name={`view-${product.id}`}
                value={v}
                checked={view === v}
                onChange={() => onView(v)}
                className="peer sr-only"
              />
              <span className="block px-2.5 py-1 capitalize peer-checked:bg-ink peer-checked:text-paper peer-focus-visible:outline-2 peer-focus-visible:outline-accent">
                {v}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {onColor && colors.length > 1 && (
        <fieldset className="flex gap-1.5">
          <legend className="sr-only">Colour of the {product.name} shown</legend>
          {colors.map(([name, hex]) => (
            <label key={name} className="cursor-pointer" title={name}>
              <input
                type="radio"
                name={`color-${product.id}`}
                value={name}
                checked={(color ?? colors[0]?.[0]) === name}
                onChange={() => onColor(name)}
                className="peer sr-only"
              />
              <span
                className="block h-5 w-5 rounded-full border border-black/20 peer-checked:ring-2 peer-checked:ring-accent peer-checked:ring-offset-1 peer-focus-visible:outline-2 peer-focus-visible:outline-accent"
                style={{ backgroundColor: hex }}
              />
              <span className="sr-only">{name}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
