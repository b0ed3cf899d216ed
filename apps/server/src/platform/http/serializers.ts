import type { FastifyReply } from 'fastify';
import fastJsonStringify from 'fast-json-stringify';
import { type ZodType, z } from 'zod';

const compiled = new WeakMap<ZodType, (data: unknown) => string>();

/**
 * A JSON serializer compiled from a response contract: the Zod schema's JSON Schema (as the API
 * documents it) through fast-json-stringify, which writes the listed properties without validating
 * them. The contracts are checked against real responses by the tests instead of on every request.
 */
export function serializerFor(schema: ZodType): (data: unknown) => string {
  let serialize = compiled.get(schema);
  if (!serialize) {
    // Without the documentation's metadata (ids, descriptions): every part inlined, no $ref to follow.
    const jsonSchema = z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'any',
      metadata: z.registry(),
    });
    serialize = fastJsonStringify(nullableAsTypes(jsonSchema) as Parameters<typeof fastJsonStringify>[0]);
    compiled.set(schema, serialize);
  }
  return serialize;
}

/**
 * `anyOf: [X, {type: 'null'}]` (how Zod writes `.nullable()`) as `type: [X's type, 'null']`, which
 * fast-json-stringify writes directly instead of testing each branch with a validator.
 */
function nullableAsTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableAsTypes);
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, nullableAsTypes(v)]));
  const options = node.anyOf as Record<string, unknown>[] | undefined;
  if (Array.isArray(options) && options.length === 2) {
    const nonNull = options.filter((o) => o.type !== 'null');
    const only = nonNull[0];
    if (nonNull.length === 1 && only && typeof only.type === 'string' && !('anyOf' in only)) {
      const { anyOf: _anyOf, ...rest } = node;
      return { ...rest, ...only, type: [only.type, 'null'] };
    }
  }
  return node;
}

/** Fastify's response serializer compiler for routes whose response schemas are Zod contracts. */
export const contractSerializerCompiler = ({ schema }: { schema: unknown }) => {
  const contract = schema instanceof z.ZodType ? schema : (schema as { properties?: unknown }).properties;
  if (!(contract instanceof z.ZodType)) throw new Error('a response schema must be a Zod schema');
  return serializerFor(contract);
};

/**
 * Sends JSON already written by `serializerFor` as it is, serialized no second time; a cached page
 * comes as bytes, encoded no second time either.
 */
export const sendSerialized = (reply: FastifyReply, json: string | Buffer) =>
  reply.type('application/json; charset=utf-8').send(json as never);
