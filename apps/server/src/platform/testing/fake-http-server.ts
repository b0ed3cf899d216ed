import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server for adapter tests: it speaks whatever wire format the routes give it
 * (Stripe's form API, Printful's JSON envelope, Mapbox GeoJSON...) so the production adapter,
 * or the provider's official SDK, is exercised over real HTTP. Every request is recorded.
 */

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. '/v1/payment_intents'. */
  path: string;
  query: URLSearchParams;
  /** Values of `:name` segments in the matched route pattern. */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** JSON bodies parsed, form bodies as a flat record (`metadata[orderId]` keys kept as is), else the text. */
  body: any;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Serialized as JSON with `content-type: application/json`. */
  json?: unknown;
  body?: string | Buffer;
  /** Drop the connection without answering, as a response lost on the way back would be. */
  hangUp?: boolean;
}

export type FakeHandler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: FakeHandler;
}

export interface FakeHttpServer {
  /** e.g. 'http://127.0.0.1:49152' */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Every request received, in order, matched or not. */
  readonly requests: RecordedRequest[];
  /** Adds a route; a later route for the same method and pattern takes precedence. */
  route(method: string, pattern: string, handler: FakeHandler): void;
  /** Requests received for a method and path (exact path, no pattern). */
  requestsTo(method: string, path: string): RecordedRequest[];
  close(): Promise<void>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function match(route: Route, method: string, segments: string[]): Record<string, string> | null {
  if (route.method !== method || route.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const pattern = route.segments[i]!;
    const actual = segments[i]!;
    if (pattern.startsWith(':')) params[pattern.slice(1)] = decodeURIComponent(actual);
    else if (pattern !== actual) return null;
  }
  return params;
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text;
}

/** Starts a server on 127.0.0.1 with an ephemeral port. Unmatched requests get a 404 JSON body. */
export async function startFakeHttpServer(routes: Record<string, FakeHandler> = {}): Promise<FakeHttpServer> {
  const table: Route[] = [];
  const requests: RecordedRequest[] = [];

  const addRoute = (method: string, pattern: string, handler: FakeHandler) => {
    table.unshift({ method: method.toUpperCase(), segments: splitPath(pattern), handler });
  };
  for (const [key, handler] of Object.entries(routes)) {
    const [method, pattern] = key.split(' ');
    if (!method || !pattern) throw new Error(`Route key must be 'METHOD /path', got '${key}'`);
    addRoute(method, pattern, handler);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const segments = splitPath(url.pathname);
      const rawBody = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        params: {},
        headers: req.headers,
        rawBody,
        body: parseBody(rawBody, req.headers['content-type']),
      };
      requests.push(recorded);
      let reply: FakeResponse;
      try {
        const found = table.map((r) => ({ r, params: match(r, method, segments) })).find((m) => m.params);
        if (found?.params) {
          recorded.params = found.params;
          reply = await found.r.handler(recorded);
        } else {
          reply = { status: 404, json: { error: `no fake route for ${method} ${url.pathname}` } };
        }
      } catch (err) {
        reply = { status: 500, json: { error: (err as Error).message } };
      }
      if (reply.hangUp) {
        req.socket.destroy();
        return;
      }
      const headers: Record<string, string> = { ...reply.headers };
      let payload: string | Buffer = reply.body ?? '';
      if (reply.json !== undefined) {
        payload = JSON.stringify(reply.json);
        headers['content-type'] ??= 'application/json';
      }
      res.writeHead(reply.status ?? 200, headers);
      res.end(payload);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    requests,
    route: addRoute,
    requestsTo: (method, path) =>
      requests.filter((r) => r.method === method.toUpperCase() && r.path === path),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
