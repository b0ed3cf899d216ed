import type { Address } from '@btb/contracts';
import { cn } from '../../lib/cn.ts';
import { countries } from '../../lib/countries.ts';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';
import { Field, Input, Select } from '../ui/input.tsx';

export type AddressForm = Required<Pick<Address, 'name' | 'line1' | 'city' | 'postalCode' | 'country'>> & {
  line2: string;
  state: string;
  email: string;
};

/** Checkout's second step: where the box goes, and how fast. */
export function ShippingSection({
  address,
  errors,
  locked,
  setField,
  shippingMethod,
  setShippingMethod,
}: {
  address: AddressForm;
  errors: Record<string, string>;
  locked: boolean;
  setField: (k: keyof AddressForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  shippingMethod: 'standard' | 'express';
  setShippingMethod: (method: 'standard' | 'express') => void;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>2. Shipping</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Full name" error={errors.name} className="sm:col-span-2">
          {(p) => (
            <Input
              {...p}
              name="name"
              autoComplete="name"
              disabled={locked}
              value={address.name}
              onChange={setField('name')}
            />
          )}
        </Field>
        <Field label="Address" error={errors.line1} className="sm:col-span-2">
          {(p) => (
            <Input
              {...p}
              name="line1"
              autoComplete="address-line1"
              disabled={locked}
              value={address.line1}
              onChange={setField('line1')}
            />
          )}
        </Field>
        <Field label="Apartment, suite (optional)" error={errors.line2} className="sm:col-span-2">
          {(p) => (
            <Input
              {...p}
              name="line2"
              autoComplete="address-line2"
              disabled={locked}
              value={address.line2}
              onChange={setField('line2')}
            />
          )}
        </Field>
        <Field label="City" error={errors.city}>
          {(p) => (
            <Input
              {...p}
              name="city"
              autoComplete="address-level2"
              disabled={locked}
              value={address.city}
              onChange={setField('city')}
            />
          )}
        </Field>
        <Field label="State / region (optional)" error={errors.state}>
          {(p) => (
            <Input
              {...p}
              name="state"
              autoComplete="address-level1"
              disabled={locked}
              value={address.state}
              onChange={setField('state')}
            />
          )}
        </Field>
        <Field label="Postal code" error={errors.postalCode}>
          {(p) => (
            <Input
              {...p}
              name="postalCode"
              autoComplete="postal-code"
              disabled={locked}
              value={address.postalCode}
              onChange={setField('postalCode')}
            />
          )}
        </Field>
        <Field label="Country" error={errors.country}>
          {(p) => (
            <Select
              {...p}
              name="country"
              autoComplete="country"
              disabled={locked}
              value={address.country}
              onChange={setField('country')}
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Email for updates (optional)" error={errors.email} className="sm:col-span-2">
          {(p) => (
            <Input
              {...p}
              name="email"
              type="email"
              autoComplete="email"
              disabled={locked}
              value={address.email}
              onChange={setField('email')}
            />
          )}
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
                  name="shippingMethod"
                  value={value}
                  checked={shippingMethod === value}
                  disabled={locked}
                  onChange={() => setShippingMethod(value)}
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
