import fc from 'fast-check';

/** The subset of JSON Schema that the OpenAPI document generated from the contracts uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

/**
 * valid: values the schema accepts; boundary: the edges of every range and one step past them;
 * hostile: what an attacker sends (NUL bytes, huge and odd strings, wrong types, deep JSON...).
 */
export type Mode = 'valid' | 'boundary' | 'hostile';

/** Real values by field name (ids of existing designs, orders...), so requests reach past lookups. */
export type Hints = Record<string, string[]>;

const deep = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Strings that have broken parsers, databases and loggers before. */
export const hostileStrings: string[] = [
  'a\u0000b',
  '\u0000',
  '%00',
  'x'.repeat(100_000),
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil\u202C',
  'Z\u0351\u0360\u0344\u0353',
  '👗🍋'.repeat(40),
  '\uFEFFbom',
  "' OR 1=1 --",
  '"; DROP TABLE designs; --',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%',
  '_%_',
  '\\',
  '<script>alert(1)</script>',
  '{{7*7}}#{7*7}',
  '-1',
  '-0',
  '0',
  '1e309',
  '-9223372036854775809',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '\r\nSet-Cookie: a=b',
  ' ',
  '',
  '2026-13-45T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0000000g-0000-0000-0000-000000000000',
];

/** Cursors a client could forge: not base64, base64 of non-JSON, of JSON with the wrong shapes. */
export const hostileCursors: string[] = [
  '!!!',
  'a',
  base64url('not json'),
  base64url('{}'),
  base64url('null'),
  base64url('[1,2,3]'),
  base64url(JSON.stringify({ sort: 'new', values: ['not a date'], id: 'x' })),
  base64url(JSON.stringify({ sort: 'new', values: ['2026-01-01T00:00:00Z'], id: 'not-a-uuid' })),
  base64url(
    JSON.stringify({ sort: 'top', values: ['abc', 'def'], id: '00000000-0000-0000-0000-000000000000' }),
  ),
  base64url(JSON.stringify({ sort: 'new', values: [1e308, -1], id: 'a\u0000b' })),
  base64url(JSON.stringify({ sort: 'trending', values: [{}, []], id: '' })),
  base64url(JSON.stringify({ sort: 'new', values: ['\u0000'], id: '\u0000' })),
  base64url(JSON.stringify({ createdAt: '99999-01-01', id: 1 })),
  base64url(JSON.stringify({ values: deep(200, 1), id: 'x', sort: 'new' })),
  base64url('\u0000\u0001\u0002'),
  'x'.repeat(5000),
];

/** Any JSON value, including the wrong-typed and the deeply nested. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileCursors),
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    -0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__":{"role":"admin"}}'),
    { constructor: { prototype: { role: 'admin' } } },
    deep(400, 1),
    Array.from({ length: 10_000 }, () => 1),
  ),
  fc.integer({ min: -2_147_483_649, max: -1 }),
  fc.double({ noNaN: true }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 4 }),
);

const patterns = new Map<string, fc.Arbitrary<string> | undefined>();

/** Strings matching a pattern, built once per pattern (a Unicode class is costly to build). */
function patternArbitrary(pattern: string, maxLength: number): fc.Arbitrary<string> | undefined {
  const key = `${maxLength}:${pattern}`;
  if (!patterns.has(key)) {
    try {
      patterns.set(key, fc.stringMatching(new RegExp(pattern, 'u'), { maxLength }));
    } catch {
      // Patterns fast-check cannot invert (look-ahead): plain strings instead.
      patterns.set(key, undefined);
    }
  }
  return patterns.get(key);
}

function stringArbitrary(schema: JsonSchema, mode: Mode): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min, 60);
  const normal = (() => {
    if (schema.format === 'uuid') return fc.uuid();
    // Addresses every validator accepts; fast-check's own include forms the contract rightly refuses.
    if (schema.format === 'email')
      return fc
        .tuple(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.constantFrom('example.com', 'example.org'))
        .map(([local, domain]) => `${local}@${domain}`);
    if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    if (schema.format === 'uri') return fc.webUrl();
    const matching = schema.pattern ? patternArbitrary(schema.pattern, max) : undefined;
    if (matching) return matching;
    return fc.string({ minLength: min, maxLength: Math.min(max, min + 40) });
  })();
  if (mode === 'valid') return normal;
  const edges = [min, max, max + 1, ...(min > 0 ? [min - 1] : [])];
  return fc.oneof(
    normal,
    fc.constantFrom(...edges).chain((length) => fc.string({ minLength: length, maxLength: length })),
  );
}

function numberArbitrary(schema: JsonSchema, mode: Mode, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000_000;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000;
  const normal = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  if (mode === 'valid') return normal;
  const step = integer ? 1 : 0.5;
  return fc.oneof(normal, fc.constantFrom(min, max, min - step, max + step, 0, -1, 0.5, 2 ** 31, 2 ** 53));
}

/** Values for one schema position: as the schema wants them, at its edges, or hostile. */
export function schemaArbitrary(
  schema: JsonSchema,
  mode: Mode,
  hints: Hints = {},
  name = '',
): fc.Arbitrary<unknown> {
  const own = ownArbitrary(schema, mode, hints, name);
  const known = hints[name];
  const withHints = known?.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: own })
    : own;
  return mode === 'hostile'
    ? fc.oneof({ weight: 3, arbitrary: withHints }, { weight: 1, arbitrary: hostileValue })
    : withHints;
}

function ownArbitrary(schema: JsonSchema, mode: Mode, hints: Hints, name: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) {
    const values = fc.constantFrom(...schema.enum);
    return mode === 'valid' ? values : fc.oneof(values, fc.constantFrom('', 'UNKNOWN', `${schema.enum[0]} `));
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => schemaArbitrary(s, mode, hints, name)));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArbitrary(schema, mode);
        case 'integer':
          return numberArbitrary(schema, mode, true);
        case 'number':
          return numberArbitrary(schema, mode, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const item = schemaArbitrary(schema.items ?? {}, mode, hints, name);
          const minLength = schema.minItems ?? 0;
          // Valid lists stay short: one bad element in a long list hides what the others reach.
          const maxLength = Math.min(schema.maxItems ?? 5, minLength + (mode === 'valid' ? 1 : 5));
          const normal = fc.array(item, { minLength, maxLength });
          if (mode === 'valid') return normal;
          const past = schema.maxItems === undefined ? 200 : schema.maxItems + 1;
          return fc.oneof(normal, fc.array(item, { minLength: past, maxLength: past }));
        }
        default: {
          const properties = schema.properties ?? {};
          const record = fc.record(
            Object.fromEntries(
              Object.entries(properties).map(([key, s]) => [key, schemaArbitrary(s, mode, hints, key)]),
            ),
            { requiredKeys: schema.required?.filter((key) => key in properties) ?? [] },
          );
          if (mode === 'valid') return record;
          // Unknown keys (mass assignment) and missing required ones.
          return fc.oneof(
            record,
            record.map((value) => ({ ...value, role: 'admin', id: '00000000-0000-0000-0000-000000000000' })),
            record.chain((value) => {
              const keys = Object.keys(value);
              if (!keys.length) return fc.constant(value);
              return fc.constantFrom(...keys).map((drop) => {
                const { [drop]: _dropped, ...rest } = value;
                return rest;
              });
            }),
          );
        }
      }
    }),
  );
}
