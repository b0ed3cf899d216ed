import { type Address, createOrderBodySchema, type User } from '@btb/contracts';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contractResolver } from '../../lib/form-errors.ts';

/** The shipping step as typed: every text a string, empty for none. */
export type AddressForm = Required<Pick<Address, 'name' | 'line1' | 'city' | 'postalCode' | 'country'>> & {
  line2: string;
  state: string;
  email: string;
};

export type ShippingValues = AddressForm & { shippingMethod: 'standard' | 'express' };

/** The shipping part of an order, as the contract checks it. */
const shippingSchema = createOrderBodySchema.pick({ shippingAddress: true, shippingMethod: true });
export type ShippingPart = z.output<typeof shippingSchema>;

/** The shipping fields in page order; their messages read on their own ("Is required"). */
export const shippingLabels: Record<keyof ShippingValues, string> = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
  country: '',
  email: '',
  shippingMethod: '',
};

/** Where the order's own fields sit in the API's error paths. */
export const shippingPaths = /^shippingAddress\./;

const optional = (s: string) => s.trim() || undefined;

export function shippingPartOf(v: ShippingValues) {
  return {
    shippingAddress: {
      name: v.name.trim(),
      line1: v.line1.trim(),
      line2: optional(v.line2),
      city: v.city.trim(),
      state: optional(v.state),
      postalCode: v.postalCode.trim(),
      country: v.country,
      email: optional(v.email),
    },
    shippingMethod: v.shippingMethod,
  };
}

const requiredMessage = 'This field is required.';

const resolver = contractResolver<ShippingValues, ShippingPart>(shippingSchema, shippingLabels, {
  toBody: shippingPartOf,
  strip: shippingPaths,
  required: {
    name: requiredMessage,
    line1: requiredMessage,
    city: requiredMessage,
    postalCode: requiredMessage,
    country: requiredMessage,
  },
});

/** The shipping step's form, the name and email taken from the signed-in account. */
export function useShippingForm(user: User | null) {
  return useForm<ShippingValues, unknown, ShippingPart>({
    resolver,
    defaultValues: {
      name: user?.name ?? '',
      line1: '',
      line2: '',
      city: '',
      state: '',
      postalCode: '',
      country: 'US',
      email: user?.email ?? '',
      shippingMethod: 'standard',
    },
  });
}
