import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import {
  drizzle as drizzlePg,
  type NodePgDatabase,
  type NodePgQueryResultHKT,
} from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Logger as QueryLogger } from 'drizzle-orm/logger';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { migrationsFolder } from '../paths.ts';
import { initPgliteDataDir, pgliteSettings } from './pglite-init.ts';
import { useFastTextArrays } from './text-array.ts';

export type Db = NodePgDatabase<Record<string, never>>;
/** A database handle or an open transaction: repositories accept either. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's schema parameters; repositories take any schema's handle or transaction
export type Executor = PgDatabase<NodePgQueryResultHKT, any, any>;

/** Sees the text of each statement as it is sent (tests count a request's round trips with it). */
export type QueryListener = (query: string) => void;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The primary: every write and every read that must see its own writes. */
  readonly db: Db;
  /**
   * The primary through a small pool of its own, for the job poller and the outbox relay: a burst of
   * API requests cannot take every connection from them, nor they from the API. (PGlite has one
   * connection: the same one as `db`.)
   */
  readonly background: Db;
  /** Round-robin over the read replicas that answer; the primary when there are none. */
  read(): Db;
  /**
   * Runs a lag-tolerant read on a replica and, when that replica cannot be reached, again on the
   * primary (marking the replica down until its next successful health check).
   */
  readWith<T>(query: (db: Db) => Promise<T>): Promise<T>;
  /** Each configured replica (host:port) and whether it answered its last health check. */
  replicas(): { name: string; up: boolean }[];
  /** Calls the listener with every statement sent through `db` until the returned function is called. */
  observeQueries(listener: QueryListener): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Any constant works; it only has to be the same for every instance of this application. */
const MIGRATION_LOCK_KEY = 7_262_020_11;

export async function openDatabase(config: Config, options: { inMemory?: boolean } = {}): Promise<Database> {
  if (!config.DATABASE_URL) return openPglite(config, options.inMemory ?? false);
  return openPostgres(config.DATABASE_URL, config.DATABASE_READ_URLS, {
    api: config.DATABASE_POOL_MAX,
    background: config.DATABASE_BACKGROUND_POOL_MAX,
  });
}

/** Drizzle's logger as a fan-out to the current listeners; a no-op loop while there are none. */
function queryObservers() {
  const listeners = new Set<QueryListener>();
  const logger: QueryLogger = {
    logQuery(query) {
      for (const listener of listeners) listener(query);
    },
  };
  const observeQueries = (listener: QueryListener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return { logger, observeQueries };
}

async function openPglite(config: Config, inMemory: boolean): Promise<Database> {
  let client: PGlite;
  let lock: DataDirLock | undefined;
  if (inMemory) {
    client = await PGlite.create({ postgresqlconf: pgliteSettings });
  } else {
    const dir = path.resolve(config.DATA_DIR, 'pglite');
    await mkdir(dir, { recursive: true });
    // One process per embedded store: a second writer makes them diverge and can corrupt it.
    lock = await lockDataDir(path.resolve(config.DATA_DIR));
    try {
      await initPgliteDataDir(dir);
      client = await PGlite.create({ dataDir: dir, postgresqlconf: pgliteSettings });
    } catch (error) {
      await lock.release();
      throw error;
    }
  }
  const observers = queryObservers();
  const db = drizzlePglite({ client, logger: observers.logger }) as unknown as Db;
  const background = drizzlePglite({ client }) as unknown as Db;
  try {
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  } catch (error) {
    await client.close().catch(() => {});
    await lock?.release();
    throw error;
  }
  return {
    kind: 'pglite',
    db,
    background,
    read: () => db,
    readWith: (query) => query(db),
    replicas: () => [],
    observeQueries: observers.observeQueries,
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      await lock?.release();
    },
  };
}

/** How often replicas are health-checked, and how long one may take to answer. */
const REPLICA_CHECK_MS = 1000;

async function openPostgres(
  url: string,
  readUrls: string[],
  poolMax: { api: number; background: number },
): Promise<Database> {
  useFastTextArrays();
  const makePool = (
    connectionString: string,
    applicationName: string,
    connectTimeoutMs: number,
    max = poolMax.api,
  ) => {
    const pool = new pg.Pool({
      connectionString,
      max,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: connectTimeoutMs,
      application_name: applicationName,
    });
    // A client losing its server (a restart, a failover) emits 'error': idle ones on the pool, checked-out
    // ones on themselves. Without a listener either would end the process; the pool replaces the client
    // and the query in flight fails on its own, so the listeners only have to exist.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return pool;
  };
  const writePool = makePool(url, 'btb-primary', 5_000);
  await runMigrationsLocked(writePool);
  const observers = queryObservers();
  const db = drizzlePg({ client: writePool, logger: observers.logger });
  const backgroundPool = makePool(url, 'btb-background', 5_000, poolMax.background);
  const background = drizzlePg({ client: backgroundPool });
  const replicas = readUrls.map((readUrl) => {
    // A replica that is down must cost a request little before it falls back to the primary.
    const pool = makePool(readUrl, 'btb-replica', REPLICA_CHECK_MS);
    const { host, port } = new URL(readUrl);
    return { name: `${host}:${port || 5432}`, pool, db: drizzlePg({ client: pool }), up: true };
  });
  const checkReplicas = async () => {
    await Promise.all(
      replicas.map(async (replica) => {
        replica.up = await replica.pool
          .query({ text: 'select 1', query_timeout: REPLICA_CHECK_MS } as pg.QueryConfig)
          .then(
            () => true,
            () => false,
          );
      }),
    );
  };
  const monitor = replicas.length ? setInterval(() => void checkReplicas(), REPLICA_CHECK_MS) : undefined;
  monitor?.unref();
  let next = 0;
  const pick = () => {
    const up = replicas.filter((r) => r.up);
    if (up.length === 0) return undefined;
    const replica = up[next % up.length];
    next = (next + 1) % replicas.length;
    return replica;
  };
  return {
    kind: 'postgres',
    db,
    background,
    read: () => pick()?.db ?? db,
    readWith: async (query) => {
      const replica = pick();
      if (!replica) return query(db);
      try {
        return await query(replica.db);
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        replica.up = false;
        return query(db);
      }
    },
    replicas: () => replicas.map(({ name, up }) => ({ name, up })),
    observeQueries: observers.observeQueries,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      clearInterval(monitor);
      await Promise.all([writePool.end(), backgroundPool.end(), ...replicas.map((r) => r.pool.end())]);
    },
  };
}

/** The server is unreachable, shutting down or in recovery without answering: not the query's fault. */
function isConnectionError(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown; message?: string } | undefined; e; ) {
    if (
      typeof e.code === 'string' &&
      /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|57P0[1-3]|08\w{3})$/.test(e.code)
    )
      return true;
    if (/Connection terminated|timeout exceeded when trying to connect/i.test(e.message ?? '')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Several instances may start at once: the advisory lock lets exactly one migrate while the others wait. */
async function runMigrationsLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
