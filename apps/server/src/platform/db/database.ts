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
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { migrationsFolder } from '../paths.ts';
import { initPgliteDataDir, pgliteSettings } from './pglite-init.ts';

export type Db = NodePgDatabase<Record<string, never>>;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = PgDatabase<NodePgQueryResultHKT, any, any>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The primary: every write and every read that must see its own writes. */
  readonly db: Db;
  /** Round-robin over the read replicas; the primary when there are none. */
  read(): Db;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Any constant works; it only has to be the same for every instance of this application. */
const MIGRATION_LOCK_KEY = 7_262_020_11;

export async function openDatabase(config: Config, options: { inMemory?: boolean } = {}): Promise<Database> {
  if (!config.DATABASE_URL) return openPglite(config, options.inMemory ?? false);
  return openPostgres(config.DATABASE_URL, config.DATABASE_READ_URLS, config.DATABASE_POOL_MAX);
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
  const db = drizzlePglite({ client }) as unknown as Db;
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
    read: () => db,
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      await lock?.release();
    },
  };
}

async function openPostgres(url: string, readUrls: string[], poolMax: number): Promise<Database> {
  const makePool = (connectionString: string) => {
    const pool = new pg.Pool({
      connectionString,
      max: poolMax,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
    });
    // A client losing its server (a restart, a failover) emits 'error': idle ones on the pool, checked-out
    // ones on themselves. Without a listener either would end the process; the pool replaces the client
    // and the query in flight fails on its own, so the listeners only have to exist.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return pool;
  };
  const writePool = makePool(url);
  const readPools = readUrls.map(makePool);
  await runMigrationsLocked(writePool);
  const db = drizzlePg({ client: writePool });
  const readers = readPools.map((pool) => drizzlePg({ client: pool }));
  let next = 0;
  return {
    kind: 'postgres',
    db,
    read: () => {
      if (readers.length === 0) return db;
      const reader = readers[next]!;
      next = (next + 1) % readers.length;
      return reader;
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await Promise.all([writePool.end(), ...readPools.map((p) => p.end())]);
    },
  };
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
