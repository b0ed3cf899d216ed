import { updateProfileBodySchema } from '@btb/contracts';
import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { contractResolver, fieldMessages, normalisePath, showApiFieldErrors } from './form-errors.ts';

const labels = { name: 'Name', tags: 'Tags', 'socialLinks.x': 'X', city: '' };

describe('error details to form fields', () => {
  it('reads the paths the API and the schemas write', () => {
    expect(normalisePath('body.shippingAddress.city')).toBe('shippingAddress.city');
    expect(normalisePath('/shippingAddress/city')).toBe('shippingAddress.city');
    expect(normalisePath('name')).toBe('name');
  });

  it('puts each detail on its field, after the label, first message first', () => {
    expect(
      fieldMessages(
        [
          { path: 'body.name', message: 'is required' },
          { path: 'name', message: 'is too long' },
          { path: 'tags.3', message: 'must be lower case' },
          { path: '/socialLinks/x', message: 'must be an http(s) URL' },
          { path: 'unknown', message: 'is not a field here' },
        ],
        labels,
      ),
    ).toEqual({
      name: 'Name is required',
      tags: 'Tags must be lower case',
      'socialLinks.x': 'X must be an http(s) URL',
    });
  });

  it('drops prefixes that are not the form’s and capitalises an unlabelled message', () => {
    expect(
      fieldMessages(
        [
          { path: 'shippingAddress.city', message: 'is required' },
          { path: 'items.0.name', message: 'is taken' },
        ],
        labels,
        { strip: /^(shippingAddress|items\.\d+)\./ },
      ),
    ).toEqual({ city: 'Is required', name: 'Name is taken' });
  });

  it('shows a failed request’s details on the form and says when none fits', () => {
    const { result } = renderHook(() => useForm({ defaultValues: { name: '', city: '' } }));
    const refused = new ApiError(400, {
      error: 'Invalid request body',
      code: 'validation_failed',
      details: [{ path: 'body.city', message: 'is required' }],
    });
    act(() => {
      expect(showApiFieldErrors(refused, result.current.setError, { name: 'Name', city: 'City' })).toBe(true);
    });
    expect(result.current.getFieldState('city').error?.message).toBe('City is required');
    expect(showApiFieldErrors(new ApiError(500, null), result.current.setError, { name: 'Name' })).toBe(
      false,
    );
    expect(showApiFieldErrors(new Error('offline'), result.current.setError, { name: 'Name' })).toBe(false);
  });

  it('validates with the contract schema and words its issues the same way', async () => {
    const resolve = contractResolver<{ name: string; x: string }, unknown>(
      updateProfileBodySchema,
      { name: 'Name', x: 'X' },
      {
        toBody: (v) => ({ name: v.name, socialLinks: v.x ? { x: v.x } : {} }),
        strip: /^socialLinks\./,
        required: { name: 'Please tell us your name.' },
      },
    );
    const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<typeof resolve>[2];
    const bad = await resolve({ name: ' ', x: 'ftp://nope' }, undefined, options);
    expect(bad.errors).toMatchObject({
      name: { message: 'Please tell us your name.' },
      x: { message: 'X must be an http(s) URL' },
    });
    const good = await resolve({ name: ' Ada ', x: '' }, undefined, options);
    expect(good.errors).toEqual({});
    expect(good.values).toEqual({ name: 'Ada', socialLinks: {} });
  });
});
