import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';

/**
 * The row a statement always yields (an insert's or an update's `returning` of a row known to be
 * there, an aggregate); its absence is a bug, reported as one rather than as a crash further on.
 */
export function onlyRow<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`expected ${what}, but the statement returned no row`);
  return row;
}

const dialect = new PgDialect();

/**
 * A hand-written statement run as a named prepared statement: PostgreSQL parses and plans it once
 * per connection instead of on every call (a search's plan costs as much as its execution). The
 * name is the statement's hash, so each shape of the statement gets its own.
 */
export async function executePrepared(db: Executor, query: SQL): Promise<Record<string, unknown>[]> {
  const built = dialect.sqlToQuery(query);
  const name = `h${createHash('sha1').update(built.sql).digest('hex').slice(0, 20)}`;
  const result = (await db._.session.prepareQuery(built, undefined, name, false).execute()) as {
    rows: Record<string, unknown>[];
  };
  return result.rows;
}
