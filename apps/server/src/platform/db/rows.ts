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

export type RawRow = Record<string, unknown>;

/**
 * A hand-written statement built once (values as `sql.placeholder`s) for a hot path, run as a named
 * prepared statement: PostgreSQL parses and plans it once per connection instead of on every call
 * (a search's plan costs as much as its execution), and each call only binds its values. The name
 * is the statement's hash, so each shape of statement gets its own. Rows come as the driver reads
 * them, keyed by column name.
 */
export function prepareRaw(
  db: Executor,
  query: SQL,
): (values?: Record<string, unknown>) => Promise<RawRow[]> {
  const built = dialect.sqlToQuery(query);
  const name = `h${createHash('sha1').update(built.sql).digest('hex').slice(0, 20)}`;
  const prepared = db._.session.prepareQuery(built, undefined, name, false);
  return async (values) => ((await prepared.execute(values)) as { rows: RawRow[] }).rows;
}
