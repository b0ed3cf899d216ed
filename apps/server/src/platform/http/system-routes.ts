import { healthSchema, readinessSchema } from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../platform.ts';
import { documentRoutes } from './openapi.ts';

async function timed(check: () => Promise<unknown>, timeoutMs = 1500) {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Liveness, readiness, metrics and stored files: the routes every role serves. */
export const systemRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  documentRoutes(app, 'system');
  const noLimit = { rateLimit: false };

  app.get(
    '/health',
    { config: noLimit, schema: { summary: 'Liveness', response: { 200: healthSchema } } },
    async () => ({
      status: 'ok' as const,
      service: platform.serviceName,
      version: platform.config.APP_VERSION,
    }),
  );

  app.get(
    '/ready',
    {
      config: noLimit,
      schema: {
        summary:
          'Readiness: 503 without the database; cache, bus and replicas that are down listed as degraded',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const [database, cache, bus] = await Promise.all([
        timed(() => platform.database.ping()),
        timed(() => platform.cache.ping()),
        timed(() => platform.bus.ping()),
      ]);
      const checks: Record<string, { ok: boolean; latencyMs: number; error?: string }> = {
        database,
        cache,
        bus,
      };
      // Only the database is needed to serve: without Redis the cache and limits fall back to this
      // process, without NATS events wait in the outbox. Taking every pod out of service during a
      // cache outage would turn a degraded service into none, so those are reported, not failed.
      const down = database.ok ? [] : ['database'];
      const degraded = Object.entries({ cache, bus })
        .filter(([, check]) => !check.ok)
        .map(([name]) => name);
      // A replica that is down does not make the instance unready either (reads fall back to the
      // primary), but it is named.
      for (const replica of platform.database.replicas()) {
        const name = `replica ${replica.name}`;
        checks[name] = replica.up
          ? { ok: true, latencyMs: 0 }
          : { ok: false, latencyMs: 0, error: 'not answering; reads go to the primary' };
        if (!replica.up) degraded.push(name);
      }
      return reply
        .status(down.length ? 503 : 200)
        .send({ status: down.length ? 'unavailable' : 'ready', down, degraded, checks });
    },
  );

  app.get('/metrics', { config: noLimit, schema: { hide: true } }, async (_request, reply) => {
    reply.type(platform.metrics.registry.contentType);
    return platform.metrics.registry.metrics();
  });

  app.get(
    '/files/*',
    {
      config: noLimit,
      schema: {
        summary: 'A stored file (design artwork, previews, mockups)',
        params: z.object({ '*': z.string() }),
      },
    },
    async (request, reply) => {
      const key = request.params['*'];
      let file = null;
      try {
        file = await platform.storage.get(key);
      } catch {
        file = null;
      }
      if (!file) {
        return reply
          .status(404)
          .send({ error: 'File not found', code: 'not_found', requestId: String(request.id) });
      }
      // Keys are content-addressed or rewritten on change, so they can be cached hard.
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.type(file.contentType).send(file.body);
    },
  );
};
