import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { createScratchDatabase, realServices } from '../../testing/services.ts';
import { openDatabase } from './database.ts';

describe('database', () => {
  it('keeps embedded data across a restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'btb-db-'));
    try {
      const config = testConfig({ DATA_DIR: dir });
      const first = await openDatabase(config);
      await first.db.execute(sql`create table public.kept (v text)`);
      await first.db.execute(sql`insert into public.kept values ('still here')`);
      await first.close();
      const second = await openDatabase(config);
      const rows = await second.db.execute<{ v: string }>(sql`select v from public.kept`);
      expect(rows.rows).toEqual([{ v: 'still here' }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // A new data directory is initialised in a child process (initdb), then migrated: slow on a busy machine.
  }, 120_000);

  it('migrates safely when several instances start at once on PostgreSQL', async () => {
    const scratch = await createScratchDatabase(realServices.postgres);
    try {
      const config = testConfig({ DATABASE_URL: scratch.url, DATABASE_POOL_MAX: '3' });
      const instances = await Promise.all([openDatabase(config), openDatabase(config), openDatabase(config)]);
      const applied = await instances[0]!.db.execute<{ n: number }>(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      const files = await import('node:fs/promises').then((fs) =>
        fs.readFile(path.join(import.meta.dirname, '../../../drizzle/meta/_journal.json'), 'utf8'),
      );
      expect(Number(applied.rows[0]!.n)).toBe(JSON.parse(files).entries.length);
      await Promise.all(instances.map((i) => i.close()));
    } finally {
      await scratch.drop();
    }
  });

  it('sends reads round-robin over the replicas and writes to the primary', async () => {
    const scratch = await createScratchDatabase(realServices.postgres);
    try {
      const replica = new URL(scratch.url);
      replica.searchParams.set('application_name', 'replica');
      const config = testConfig({
        DATABASE_URL: scratch.url,
        DATABASE_READ_URLS: `${replica.toString().replace('replica', 'replica_a')},${replica.toString().replace('replica', 'replica_b')}`,
      });
      const database = await openDatabase(config);
      const names: string[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await database
          .read()
          .execute<{ name: string }>(sql`select current_setting('application_name') as name`);
        names.push(r.rows[0]!.name);
      }
      expect(names).toEqual(['replica_a', 'replica_b', 'replica_a', 'replica_b']);
      const w = await database.db.execute<{ name: string }>(
        sql`select current_setting('application_name') as name`,
      );
      expect(w.rows[0]!.name).not.toMatch(/replica/);
      await database.close();
    } finally {
      await scratch.drop();
    }
  });
});
