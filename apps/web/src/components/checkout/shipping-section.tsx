import { type UseFormReturn, useWatch } from 'react-hook-form';
import { cn } from '../../lib/cn.ts';
import { countries } from '../../lib/countries.ts';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';
import { Field, Input, Select } from '../ui/input.tsx';
import type { ShippingPart, ShippingValues } from './shipping-form.ts';

/** Checkout's second step: where the box goes, and how fast. */
export function ShippingSection({
  form,
  locked,
}: {
  form: UseFormReturn<ShippingValues, unknown, ShippingPart>;
  locked: boolean;
}) {
  const { register, control } = form;
  const { errors: fieldErrors } = form.formState;
  const errors = Object.fromEntries(Object.entries(fieldErrors).map(([k, e]) => [k, e?.message]));
  const shippingMethod = useWatch({ control, name: 'shippingMethod' });
  return (
    <Card>
      <CardHeader>
        <CardTitle>2. Shipping</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Full name" error={errors.name} className="sm:col-span-2">
          {(p) => <Input {...p} {...register('name')} autoComplete="name" disabled={locked} />}
        </Field>
        <Field label="Address" error={errors.line1} className="sm:col-span-2">
          {(p) => <Input {...p} {...register('line1')} autoComplete="address-line1" disabled={locked} />}
        </Field>
        <Field label="Apartment, suite (optional)" error={errors.line2} className="sm:col-span-2">
          {(p) => <Input {...p} {...register('line2')} autoComplete="address-line2" disabled={locked} />}
        </Field>
        <Field label="City" error={errors.city}>
          {(p) => <Input {...p} {...register('city')} autoComplete="address-level2" disabled={locked} />}
        </Field>
        <Field label="State / region (optional)" error={errors.state}>
          {(p) => <Input {...p} {...register('state')} autoComplete="address-level1" disabled={locked} />}
        </Field>
        <Field label="Postal code" error={errors.postalCode}>
          {(p) => <Input {...p} {...register('postalCode')} autoComplete="postal-code" disabled={locked} />}
        </Field>
        <Field label="Country" error={errors.country}>
          {(p) => (
            <Select {...p} {...register('country')} autoComplete="country" disabled={locked}>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Email for updates (optional)" error={errors.email} className="sm:col-span-2">
          {(p) => <Input {...p} {...register('email')} type="email" autoComplete="email" disabled={locked} />}
        </Field>
        <fieldset className="sm:col-span-2">
          <legend className="mb-2 text-sm font-medium">Shipping method</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {(
              [
                ['standard', 'Standard', '5–8 business days'],
                ['express', 'Express', '2–3 business days'],
              ] as const
            ).map(([value, label, hint]) => (
              <label
                key={value}
                className={cn(
                  'flex cursor-pointer items-center gap-3 rounded-xl border bg-white dark:bg-linen px-4 py-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
                  shippingMethod === value ? 'border-ink' : 'border-sand',
                )}
              >
                <input
                  type="radio"
                  {...register('shippingMethod')}
                  value={value}
                  disabled={locked}
                  className="accent-[var(--color-accent)]"
                />
                <span className="flex flex-col">
                  <span className="font-medium">{label}</span>
                  <span className="text-xs text-ink-soft">{hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </CardContent>
    </Card>
  );
}
