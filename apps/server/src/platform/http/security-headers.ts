import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The web app's Content Security Policy (Helmet's defaults plus what the app loads). */
const helmetOptions: HelmetOptions = {
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
};

/** The headers Helmet writes for these options, read once from a response that only records them. */
export function helmetHeaders(options: HelmetOptions = helmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Security headers on every response, computed once at start-up rather than by Helmet's middleware
 * per request; the Content Security Policy only on HTML, the one kind of response it governs.
 */
export function registerSecurityHeaders(app: FastifyInstance, options?: HelmetOptions) {
  const { 'content-security-policy': csp, ...everyResponse } = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(everyResponse);
    done();
  });
  if (!csp) return;
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html'))
      reply.header('content-security-policy', csp);
    done(null, payload);
  });
}
