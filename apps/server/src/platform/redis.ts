import { Redis } from 'ioredis';

/**
 * A Redis connection that fails fast while Redis is down instead of queueing commands
 * (a queued command would stall the request that issued it), and reconnects by itself.
 */
export function connectRedis(url: string, name: string): Redis {
  const client = new Redis(url, {
    connectionName: `btb-${name}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  });
  // Connection errors surface as failed commands; the 'error' event alone must not crash the process.
  client.on('error', () => {});
  return client;
}

/** Waits until the client is ready (or gives up), so start-up has a connection when Redis is up. */
export async function whenReady(client: Redis, timeoutMs = 3000): Promise<boolean> {
  if (client.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
