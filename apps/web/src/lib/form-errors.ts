/**
 * The one way a form learns what is wrong with its fields. The API's error `details` and the
 * contract schema's issues are the same kind of list — a path and a message — and both go through
 * `fieldMessages`, so a field reads the same whether the browser or the server caught the mistake.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type * as z from 'zod/v4/core';
import { ApiError } from '../api/client.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

/** A form's fields, in the order they appear, each with the label its messages are read after ('' for none). */
export type FieldLabels<F extends string> = Record<F, string>;

export interface MapOptions {
  /** Path prefixes that are not the form's own (`shippingAddress.`, `items.0.`). */
  strip?: RegExp;
}

/** "body.shippingAddress.city" and "/shippingAddress/city" are both "shippingAddress.city". */
export function normalisePath(path: string): string {
  return path
    .replace(/^body[./]/, '')
    .replace(/^\//, '')
    .replace(/\//g, '.');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Each detail goes to the field its path names, or the field it lies under ("tags.3" is tags); the
 * first message for a field wins and is read after the field's label ("Email must be a valid email
 * address"). Details no field claims are left out.
 */
export function fieldMessages<F extends string>(
  details: readonly FieldIssue[],
  labels: Partial<FieldLabels<F>>,
  { strip }: MapOptions = {},
): Partial<Record<F, string>> {
  const fields = (Object.keys(labels) as F[]).sort((a, b) => b.length - a.length);
  const out: Partial<Record<F, string>> = {};
  for (const detail of details) {
    let path = normalisePath(detail.path);
    if (strip) path = path.replace(strip, '');
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (!field || out[field]) continue;
    const label = labels[field] ?? '';
    out[field] = label ? `${label} ${detail.message}` : capitalise(detail.message);
  }
  return out;
}

/** Shows `messages` on the form's fields, focusing the first in the form's order; false when there are none. */
export function showFieldMessages<T extends FieldValues>(
  setError: UseFormSetError<T>,
  messages: Partial<Record<string, string>>,
  labels: Partial<FieldLabels<string>>,
): boolean {
  const fields = Object.keys(labels).filter((f) => messages[f]);
  fields.forEach((f, i) => {
    setError(f as Path<T>, { type: 'server', message: messages[f] }, { shouldFocus: i === 0 });
  });
  return fields.length > 0;
}

/**
 * Puts a failed request's field errors on the form (focusing the first); false when the error names
 * no field of this form, for the caller to say what went wrong another way.
 */
export function showApiFieldErrors<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  labels: Partial<FieldLabels<string>>,
  options?: MapOptions,
): boolean {
  if (!(err instanceof ApiError) || err.details.length === 0) return false;
  return showFieldMessages(setError, fieldMessages(err.details, labels, options), labels);
}

/** The messages in react-hook-form's nested errors, as a flat path-and-message list. */
function issuesIn(errors: object, path: string[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref' || key === 'types') continue;
    const at = [...path, key];
    if (typeof (value as { message?: unknown }).message === 'string')
      out.push({ path: at.join('.'), message: (value as { message: string }).message });
    out.push(...issuesIn(value as object, at));
  }
  return out;
}

/**
 * A resolver that validates what the form would send (`toBody(values)`) with the contract's schema,
 * through zodResolver, and words its issues with `fieldMessages`. `required` gives an empty field a
 * friendlier message than the schema's.
 */
export function contractResolver<TValues extends FieldValues, Body>(
  schema: z.$ZodType<Body, unknown>,
  labels: Partial<FieldLabels<string>>,
  {
    toBody,
    required = {},
    ...options
  }: MapOptions & {
    toBody?: (values: TValues) => unknown;
    required?: Partial<Record<string, string>>;
  } = {},
): Resolver<TValues, unknown, Body> {
  const validate = zodResolver(schema as z.$ZodType<Body, FieldValues>);
  return async (values, context, resolverOptions) => {
    const body = (toBody ? toBody(values) : values) as FieldValues;
    const result = await validate(body, context, { ...resolverOptions, shouldUseNativeValidation: false });
    const messages: Partial<Record<string, string>> = {
      ...fieldMessages(issuesIn(result.errors), labels, options),
    };
    for (const [field, message] of Object.entries(required))
      if (String(values[field] ?? '').trim() === '') messages[field] = message;
    const fields = Object.keys(labels).filter((f) => messages[f]);
    if (fields.length === 0) return { values: result.values as Body, errors: {} };
    // react-hook-form reads errors nested as the values are: "socialLinks.x" is errors.socialLinks.x.
    const errors: Record<string, unknown> = {};
    for (const f of fields) {
      const keys = f.split('.');
      let node = errors;
      for (const key of keys.slice(0, -1)) {
        node[key] ??= {};
        node = node[key] as Record<string, unknown>;
      }
      node[keys[keys.length - 1] ?? f] = { type: 'validation', message: messages[f] };
    }
    return { values: {}, errors: errors as FieldErrors<TValues> };
  };
}
