import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * How an event-stream URL authenticates (EventSource cannot send headers): a one-minute ticket
 * from POST /api/auth/stream-ticket, or, deprecated, the access token itself. Both are redacted
 * from logged URLs.
 */
export const streamCredentials = z.object({
  ticket: z.string().max(2000).optional(),
  access_token: z.string().max(4000).optional(),
});

declare module 'fastify' {
  interface FastifyInstance {
    streamLimits: StreamLimits;
  }
}

/** Seconds a client is asked to wait before opening a refused stream again. */
const STREAM_RETRY_AFTER_S = 30;

/**
 * Caps open event streams in this process: per client (an account, or an address when anonymous)
 * and in total, since each one holds a socket, timers and a share of the database.
 */
export class StreamLimits {
  private total = 0;
  private readonly perClient = new Map<string, number>();

  constructor(private readonly limits: { perClient: number; total: number }) {}

  /** Claims a slot, or throws the contract's 429 (this client has enough) or 503 (this server is full). */
  acquire(client: string): () => void {
    if (this.total >= this.limits.total) {
      throw new AppError(
        'service_unavailable',
        'Too many live streams on this server; try again shortly',
        undefined,
        STREAM_RETRY_AFTER_S,
      );
    }
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) {
      throw new AppError(
        'rate_limited',
        `At most ${this.limits.perClient} live streams at once; close one first`,
        undefined,
        STREAM_RETRY_AFTER_S,
      );
    }
    this.total++;
    this.perClient.set(client, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }

  get open(): number {
    return this.total;
  }
}

export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
  readonly closed: boolean;
  onClose(listener: () => void): void;
}

/**
 * Takes over the response for server-sent events. Headers set by hooks so far (request id,
 * security headers, CORS) are carried over; a comment every 15 s keeps proxies from timing out.
 */
export function openSse(request: FastifyRequest, reply: FastifyReply): SseStream {
  const release = request.server.streamLimits.acquire(
    request.actor ? `user:${request.actor.id}` : `ip:${request.ip}`,
  );
  reply.hijack();
  const raw = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) raw.setHeader(name, value as string);
  }
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 2000\n\n');
  let closed = false;
  const listeners: (() => void)[] = [];
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    release();
    for (const l of listeners) l();
  };
  request.raw.on('close', finish);
  return {
    send(event, data) {
      if (closed) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      finish();
      raw.end();
    },
    get closed() {
      return closed;
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}
