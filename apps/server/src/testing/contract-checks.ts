import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * Checks every JSON response of an app against its route's Zod response contract: the object a
 * handler returned (before the compiled serializer writes it) and the bytes the client receives
 * (cached pages are sent as ready bytes). Add before `app.ready()`.
 */
export function checkResponseContracts(app: FastifyInstance) {
  const violations: string[] = [];
  const checked = new Set<string>();
  const contractOf = (request: FastifyRequest, reply: FastifyReply) => {
    const response = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const status = reply.statusCode;
    const schema = response?.[status] ?? response?.[`${Math.floor(status / 100)}xx`] ?? response?.default;
    return schema instanceof z.ZodType ? schema : undefined;
  };
  const check = (request: FastifyRequest, reply: FastifyReply, what: string, value: unknown) => {
    const schema = contractOf(request, reply);
    if (!schema) return;
    const route = `${request.method} ${request.routeOptions.url} ${reply.statusCode}`;
    checked.add(route);
    const result = schema.safeParse(value);
    if (!result.success) violations.push(`${route} (${what}): ${z.prettifyError(result.error)}`);
  };
  app.addHook('preSerialization', async (request, reply, payload) => {
    check(request, reply, 'returned', payload);
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload === 'string' && type.includes('json'))
      check(request, reply, 'sent', JSON.parse(payload));
    return payload;
  });
  return { violations, checked };
}
