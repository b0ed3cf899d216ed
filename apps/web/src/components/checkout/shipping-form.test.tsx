import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testUser } from '../../test/helpers.tsx';
import { shippingPartOf, useShippingForm } from './shipping-form.ts';

describe('checkout shipping form', () => {
  it('starts from the account and checks the address with the order contract', async () => {
    const { result } = renderHook(() => useShippingForm(testUser));
    expect(result.current.getValues()).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
      country: 'US',
    });
    act(() => result.current.setValue('postalCode', '9410#'));
    let valid = true;
    await act(async () => {
      valid = await result.current.trigger();
    });
    expect(valid).toBe(false);
    expect(result.current.getFieldState('line1').error?.message).toBe('This field is required.');
    expect(result.current.getFieldState('city').error?.message).toBe('This field is required.');
    expect(result.current.getFieldState('postalCode').error?.message).toBe('Is not a valid postal code');
    expect(result.current.getFieldState('name').error).toBeUndefined();
  });

  it('sends trimmed text and leaves empty optional fields out', () => {
    expect(
      shippingPartOf({
        name: ' Ada ',
        line1: '1 Market Street ',
        line2: ' ',
        city: 'San Francisco',
        state: '',
        postalCode: '94105',
        country: 'US',
        email: '',
        shippingMethod: 'express',
      }),
    ).toEqual({
      shippingAddress: {
        name: 'Ada',
        line1: '1 Market Street',
        line2: undefined,
        city: 'San Francisco',
        state: undefined,
        postalCode: '94105',
        country: 'US',
        email: undefined,
      },
      shippingMethod: 'express',
    });
  });
});
