import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Where the real services are. App-level tests use them when the environment names them
 * (CI's "services" run) and embedded adapters otherwise; adapter tests always use them.
 */
export const env = {
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL,
  natsUrl: process.env.NATS_URL,
};
export const serviceMode = env.databaseUrl ? 'services' : 'embedded';

export const realServices = {
  postgres: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  nats: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
};

export const uniqueName = (prefix: string) => `${prefix}_${randomBytes(5).toString('hex')}`;

/** A fresh, empty PostgreSQL database for one test file; dropped by the returned function. */
export async function createScratchDatabase(
  adminUrl = realServices.postgres,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName('btb_test');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
