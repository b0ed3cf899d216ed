import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Config, publicBaseUrl } from './config.ts';
import { createModules } from './modules/registry.ts';
import type { AppModule, ModuleName } from './modules/module.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { registerJsonBodyParser } from './platform/http/json-body.ts';
import { type MetaPage, siteMeta, withPageMeta } from './platform/http/page-meta.ts';
import { batchedRedisStore } from './platform/http/rate-limit-store.ts';
import { rateLimitError } from './platform/http/rate-limits.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { contractSerializerCompiler } from './platform/http/serializers.ts';
import { StreamLimits } from './platform/http/sse.ts';
import './platform/http/actor.ts';
import { systemRoutes } from './platform/http/system-routes.ts';
import { webDistFolder } from './platform/paths.ts';
import type { Platform, Role } from './platform/platform.ts';
import { contextFromTraceparent } from './platform/telemetry/tracing.ts';

export type { Role } from './platform/platform.ts';

export interface AppOptions {
  platform: Platform;
  role?: Role;
  /** Only these modules serve routes and run workers; all of them when unset. */
  modules?: ModuleName[];
  /** Start event consumers, jobs and the outbox relay when the app is ready (default: true). */
  background?: boolean;
  /** Where the built web app lives; served at / when it exists. */
  webRoot?: string | false;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
    appModules: AppModule[];
  }
  interface FastifyRequest {
    span?: Span;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { platform } = options;
  const { config } = platform;
  const role = options.role ?? 'all';
  const all = await createModules(platform);
  const { modules } = options;
  const selected = modules ? all.filter((m) => modules.includes(m.name)) : all;

  const app = Fastify({
    loggerInstance: platform.logger as FastifyBaseLogger,
    requestIdHeader: 'x-request-id',
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: config.NODE_ENV === 'test',
    }),
    genReqId: () => randomUUID(),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler);
  app.decorate('platform', platform);
  app.decorate('appModules', selected);
  app.decorate(
    'streamLimits',
    new StreamLimits({ perClient: config.SSE_MAX_STREAMS_PER_CLIENT, total: config.SSE_MAX_STREAMS }),
  );
  app.decorateRequest('actor', null);
  registerErrorHandling(app);
  registerJsonBodyParser(app);
  registerObservability(app, platform);

  registerSecurityHeaders(app);
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
    credentials: true,
    exposedHeaders: [
      'x-request-id',
      'retry-after',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
    ],
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.RATE_LIMIT_API_MAX,
    timeWindow: config.RATE_LIMIT_API_WINDOW_S * 1000,
    // Shared by every instance through Redis, a busy client's hits sent in batches; in memory without Redis.
    store: platform.redis
      ? batchedRedisStore(platform.redis, `${config.REDIS_KEY_PREFIX}rl:api:`)
      : undefined,
    skipOnError: true,
    // The router decodes the path (`/%61pi` routes to `/api`): decide on the matched route, never the raw URL.
    allowList: (request) => !request.routeOptions.url?.startsWith('/api/'),
    enableDraftSpec: true,
    errorResponseBuilder: rateLimitError,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Boutique-To-Box API',
        description: 'Describe a garment in a sentence; get a design, a gallery and a box.',
        version: config.APP_VERSION,
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });

  await app.register(systemRoutes, { platform });
  if (role !== 'worker') {
    for (const module of selected) if (module.routes) await app.register(module.routes);
    await registerWebApp(app, options.webRoot === undefined ? webDistFolder : options.webRoot, {
      pages: selected.flatMap((module) => module.pages ?? []),
      baseUrl: publicBaseUrl(config),
    });
  }

  app.addHook('onClose', async () => {
    // Jobs may still be using providers: stop them first, then let modules close what they hold.
    await platform.jobs.stop();
    for (const module of all) await module.stop?.();
  });

  if (options.background !== false) {
    app.addHook('onReady', async () => {
      if (role !== 'api') for (const module of selected) await module.startWorkers?.();
      platform.relay.start();
      platform.jobs.start();
    });
  }
  return app as unknown as FastifyInstance;
}

/** A hop count as proxy-addr reads it (Fastify's types accept only booleans, strings and functions). */
function trustProxyOption(trust: Config['TRUST_PROXY']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** The metric child for one label set, created on first use. */
function labelled<T>(children: Map<string, T>, key: string, create: () => T): T {
  let child = children.get(key);
  if (!child) {
    child = create();
    children.set(key, child);
  }
  return child;
}

function registerObservability(app: FastifyInstance, platform: Platform) {
  const { metrics, tracing } = platform;
  // Label sets resolved once per method, route and status, not hashed again on every request.
  const requestCounters = new Map<string, { inc(): void }>();
  const requestTimers = new Map<string, { observe(seconds: number): void }>();
  /** The request's span as the active context (the caller's trace continued when it sent one). */
  const spanContextOf = (request: FastifyRequest, span: Span) =>
    trace.setSpan(contextFromTraceparent(request.headers.traceparent), span);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (!tracing.tracer) return done();
    request.span = tracing.tracer.startSpan(
      `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?')[0],
          'http.route': request.routeOptions.url ?? '',
          'request.id': String(request.id),
        },
      },
      contextFromTraceparent(request.headers.traceparent),
    );
    // The rest of the request runs in the span's context: its queries, commands, the events and
    // jobs it writes all belong to this trace. Again before the handler, since a body is read in
    // the connection's context, not the request's.
    context.with(spanContextOf(request, request.span), done);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    if (!request.span) return done();
    context.with(spanContextOf(request, request.span), done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const { method } = request;
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const timerKey = `${method} ${route}`;
    labelled(requestTimers, timerKey, () => metrics.httpRequestDuration.labels(method, route)).observe(
      reply.elapsedTime / 1000,
    );
    labelled(requestCounters, `${timerKey} ${status}`, () =>
      metrics.httpRequestsTotal.labels(method, route, String(status)),
    ).inc();
    if (request.span) {
      request.span.setAttribute('http.response.status_code', status);
      if (status >= 500) request.span.setStatus({ code: SpanStatusCode.ERROR });
      request.span.end();
    }
    done();
  });
  app.addHook('onError', async (request, _reply, error) => {
    request.span?.recordException(error);
  });
  app.server.on('connection', (socket) => {
    metrics.activeConnections.inc();
    socket.once('close', () => metrics.activeConnections.dec());
  });
}

/** Hashed build output never changes under its name; the entry points must be revalidated. */
function webCacheControl(filePath: string): string {
  if (filePath.includes(`${path.sep}assets${path.sep}`) || /workbox-[\w-]+\.js$/.test(filePath))
    return 'public, max-age=31536000, immutable';
  if (/(index\.html|sw\.js)(\.br|\.gz)?$/.test(filePath)) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * The built web app at /, with client-side routes falling back to index.html: served like a CDN
 * would, with the build's Brotli and gzip copies and long-lived caching of hashed files.
 */
async function registerWebApp(
  app: FastifyInstance,
  webRoot: string | false,
  previews: { pages: MetaPage[]; baseUrl: string },
) {
  if (!webRoot || !existsSync(path.join(webRoot, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    allowedPath: (pathName) => !pathName.endsWith('.map'),
    setHeaders: (reply, filePath) => reply.header('cache-control', webCacheControl(filePath)),
  });
  app.get('/*', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) => {
    // Client routes have no file extension: a missing file (an old chunk, a source map) is a 404,
    // never the app's HTML.
    const [pathname = ''] = request.url.split('?');
    if (pathname.startsWith('/api/') || pathname.startsWith('/files/') || /\.\w+$/.test(pathname)) {
      return reply.status(404).send({ error: 'Not found', code: 'not_found', requestId: String(request.id) });
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
  // Pages a module describes are served with their link preview in the HTML; the app then renders
  // them as any other route. What must not be described gets the site's generic preview.
  const indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  for (const page of previews.pages) {
    app.get<{ Params: Record<string, string> }>(
      page.path,
      { schema: { hide: true }, config: { rateLimit: false } },
      async (request, reply) => {
        const meta = (await page.meta(request.params)) ?? siteMeta(previews.baseUrl);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(withPageMeta(indexHtml, meta));
      },
    );
  }
}
