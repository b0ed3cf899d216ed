import type { PrintOptions, Product } from '@btb/contracts';
import type { Dispatch, SetStateAction } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';
import { Field, Input, Select } from '../ui/input.tsx';
import { formatMoney } from '../../lib/format.ts';

/** Checkout's first step: the product, its size and base colour, and how many. */
export function ProductSection({
  products,
  productId,
  setProductId,
  setPrintOptions,
  sizes,
  size,
  setSize,
  colors,
  color,
  setColor,
  quantity,
  setQuantity,
  locked,
  errors,
  variant,
  product,
}: {
  products: Product[];
  productId: string;
  setProductId: (id: string) => void;
  setPrintOptions: (options: PrintOptions) => void;
  sizes: string[];
  size: string;
  setSize: (size: string) => void;
  colors: Array<[string, string]>;
  color: string;
  setColor: (color: string) => void;
  quantity: number;
  setQuantity: Dispatch<SetStateAction<number>>;
  locked: boolean;
  errors: Partial<Record<string, string>>;
  variant: Product['variants'][number] | undefined;
  product: Product | undefined;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>1. Product</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Product" className="sm:col-span-2">
          {(p) => (
            <Select
              {...p}
              name="product"
              value={productId}
              disabled={locked}
              onChange={(e) => {
                setProductId(e.target.value);
                setPrintOptions({});
              }}
            >
              {products.map((pr) => (
                <option key={pr.id} value={pr.id}>
                  {pr.name} — from {formatMoney(pr.basePriceCents, pr.currency)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Size" error={errors.variant || errors.variantId}>
          {(p) => (
            <Select
              {...p}
              name="size"
              value={size}
              disabled={locked}
              onChange={(e) => setSize(e.target.value)}
            >
              {sizes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium">
            Base colour: <span className="font-normal text-ink-soft">{color}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {colors.map(([name, hex]) => (
              <label key={name} className="cursor-pointer" title={name}>
                <input
                  type="radio"
                  name="base-colour"
                  value={name}
                  checked={color === name}
                  disabled={locked}
                  onChange={() => setColor(name)}
                  className="peer sr-only"
                />
                <span
                  className="block h-9 w-9 rounded-full border border-black/15 dark:border-white/20 peer-checked:ring-2 peer-checked:ring-accent peer-checked:ring-offset-2 peer-focus-visible:outline-2 peer-focus-visible:outline-accent"
                  style={{ backgroundColor: hex }}
                />
                <span className="sr-only">{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Quantity" error={errors.quantity}>
          {(p) => (
            <Input
              {...p}
              name="quantity"
              type="number"
              min={1}
              max={100}
              inputMode="numeric"
              disabled={locked}
              value={quantity}
              onChange={(e) => setQuantity(Math.max(1, Math.min(100, Number(e.target.value) || 1)))}
            />
          )}
        </Field>
        <div className="flex items-end text-sm text-ink-soft">
          {variant && (
            <span>
              {formatMoney(variant.priceCents, product?.currency)} each ·{' '}
              <strong className="text-ink">
                {formatMoney(variant.priceCents * quantity, product?.currency)}
              </strong>
            </span>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
