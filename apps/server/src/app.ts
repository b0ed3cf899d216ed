import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { type Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { createModules } from './modules/registry.ts';
import type { AppModule, ModuleName } from './modules/module.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { rateLimitError } from './platform/http/rate-limits.ts';
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
    startedAt: number;
    span?: Span;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { platform } = options;
  const { config } = platform;
  const role = options.role ?? 'all';
  const all = await createModules(platform);
  const selected = options.modules ? all.filter((m) => options.modules!.includes(m.name)) : all;

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
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('platform', platform);
  app.decorate('appModules', selected);
  app.decorate(
    'streamLimits',
    new StreamLimits({ perClient: config.SSE_MAX_STREAMS_PER_CLIENT, total: config.SSE_MAX_STREAMS }),
  );
  app.decorateRequest('actor', null);
  registerErrorHandling(app);
  registerObservability(app, platform);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'", 'https://api.mapbox.com', 'https://events.mapbox.com'],
        workerSrc: ["'self'", 'blob:'],
        // TLS is the edge's job: upgrading would break the app opened by a plain-HTTP LAN address.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
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
    redis: platform.redis,
    nameSpace: `${config.REDIS_KEY_PREFIX}rl:api:`,
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
    await registerWebApp(app, options.webRoot === undefined ? webDistFolder : options.webRoot);
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

function registerObservability(app: FastifyInstance, platform: Platform) {
  const { metrics, tracing } = platform;
  app.addHook('onRequest', async (request, reply) => {
    request.startedAt = performance.now();
    reply.header('x-request-id', request.id);
    if (tracing.tracer) {
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
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = (performance.now() - (request.startedAt ?? performance.now())) / 1000;
    metrics.httpRequestsTotal.inc({ method: request.method, route, status_code: String(reply.statusCode) });
    metrics.httpRequestDuration.observe({ method: request.method, route }, seconds);
    if (request.span) {
      request.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) request.span.setStatus({ code: SpanStatusCode.ERROR });
      request.span.end();
    }
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
async function registerWebApp(app: FastifyInstance, webRoot: string | false) {
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
    const pathname = request.url.split('?')[0]!;
    if (pathname.startsWith('/api/') || pathname.startsWith('/files/') || /\.\w+$/.test(pathname)) {
      return reply.status(404).send({ error: 'Not found', code: 'not_found', requestId: String(request.id) });
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
