import { artCreditSchema, type Category, type Design, fidelitySchema, type Style } from '@btb/contracts';
import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.ts';
import { prepareRaw, type RawRow } from '../../platform/db/rows.ts';
import { type Cursor, encodeCursor } from './cursor.ts';
import { designLikes, designs } from './tables.ts';

export type DesignRow = typeof designs.$inferSelect;

export function toDesign(row: DesignRow, author: Design['author']): Design {
  return {
    id: row.id,
    userId: row.userId,
    author,
    title: row.title,
    description: row.description,
    prompt: row.prompt,
    status: row.status as Design['status'],
    progress: row.progress,
    failureReason: row.failureReason,
    imageUrl: row.imageUrl,
    modelUrl: row.modelUrl,
    thumbnailUrl: row.thumbnailUrl,
    previewUrl: row.previewUrl,
    tags: row.tags,
    category: row.category as Design['category'],
    style: row.style as Design['style'],
    colors: row.colors,
    aiModel: row.aiModel,
    generationParams: row.generationParams as Record<string, unknown>,
    confidence: row.confidence,
    quality: (row.quality ?? null) as Design['quality'],
    ...fidelityOf(row.generationParams as Record<string, unknown>),
    isPublic: row.isPublic,
    hidden: row.hidden,
    likes: row.likes,
    views: row.views,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const creditsSchema = artCreditSchema.array();

/** The generator records what it drew for each thing named (and whose drawings) in the generation params. */
export function fidelityOf(params: Record<string, unknown>): Pick<Design, 'fidelity' | 'credits'> {
  // Absent on designs drawn before they were recorded: answered without a failed parse (which
  // builds an error object per row, the largest cost of an uncached gallery page).
  const fidelity = params.fidelity == null ? undefined : fidelitySchema.safeParse(params.fidelity);
  const credits = params.credits == null ? undefined : creditsSchema.safeParse(params.credits);
  return {
    fidelity: fidelity?.success ? fidelity.data : null,
    credits: credits?.success ? credits.data : [],
  };
}

/** Every column but the search vector (large, and only for the database). */
const { searchVector: _omit, ...columns } = getTableColumns(designs);
export const designColumns = columns;

export interface ListFilter {
  scope: 'public' | 'mine' | 'all';
  userId?: string;
  category?: Category;
  style?: Style;
  tag?: string;
  color?: string;
  q?: string;
  sort: 'new' | 'top' | 'trending' | 'relevance';
  cursor?: Cursor;
  limit: number;
  includeHidden?: boolean;
}

export const publicVisible = sql`${designs.isPublic} and not ${designs.hidden} and ${designs.status} = 'ready'`;

/** A timestamp as `Date.prototype.toISOString` writes it (UTC, milliseconds, "Z"). */
const isoText = (column: SQL | AnyPgColumn) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A JSON object of the given keys and values, written compactly (`json_build_object` pads). */
const jsonObject = (entries: [string, SQL | AnyPgColumn][]) =>
  sql`(select row_to_json(o) from (select ${sql.join(
    entries.map(([key, value]) => sql`${value} as ${sql.identifier(key)}`),
    sql`, `,
  )}) o)::text`;

/**
 * A design's JSON as `toDesign` and the contract's serializer write it, written by PostgreSQL in two
 * halves around the author (who lives in the identity module): the keys in the contract's order,
 * `fidelity` and `credits` read from the generation record as `fidelityOf` reads them. Gallery and
 * search pages are built from these: a design costs the API one text value instead of 26 columns to
 * parse, map and serialize again. A test holds every design of a page equal to its own page.
 */
const designJsonHead = jsonObject([
  ['id', designs.id],
  ['userId', designs.userId],
]);
const params = designs.generationParams;
const designJsonTail = jsonObject([
  ['title', designs.title],
  ['description', designs.description],
  ['prompt', designs.prompt],
  ['status', designs.status],
  ['progress', designs.progress],
  ['failureReason', designs.failureReason],
  ['imageUrl', designs.imageUrl],
  ['modelUrl', designs.modelUrl],
  ['thumbnailUrl', designs.thumbnailUrl],
  ['previewUrl', designs.previewUrl],
  ['tags', designs.tags],
  ['category', designs.category],
  ['style', designs.style],
  ['colors', designs.colors],
  ['aiModel', designs.aiModel],
  ['generationParams', params],
  ['confidence', designs.confidence],
  ['quality', designs.quality],
  ['fidelity', sql`case when jsonb_typeof(${params}->'fidelity') = 'object' then ${params}->'fidelity' end`],
  [
    'credits',
    sql`case when jsonb_typeof(${params}->'credits') = 'array' then ${params}->'credits' else '[]'::jsonb end`,
  ],
  ['isPublic', designs.isPublic],
  ['hidden', designs.hidden],
  ['likes', designs.likes],
  ['views', designs.views],
  ['createdAt', isoText(designs.createdAt)],
  ['updatedAt', isoText(designs.updatedAt)],
]);

/** The columns of a design as JSON halves (see `designJsonHead`), for `DesignJson`. */
const designJsonColumns = sql`${designJsonHead} as head, ${designJsonTail} as tail,
  ${designs.userId} as user_id, ${designs.id} as id`;

/** A design of a gallery page as JSON text, but its author (see `designJsonHead`). */
export interface DesignJson {
  id: string;
  userId: string;
  head: string;
  tail: string;
}

/**
 * The public gallery, newest first — what most visitors ask for — as prepared statements: built
 * once per database handle, parsed and planned once per connection instead of per request, each
 * design written as JSON by the database.
 */
function newestPublic(db: Executor) {
  let statements = newestPublicStatements.get(db);
  if (!statements) {
    const select = sql`select ${designJsonColumns}, ${isoText(designs.createdAt)} as at from ${designs}`;
    const order = sql`order by ${designs.createdAt} desc, ${designs.id} desc limit ${sql.placeholder('limit')}`;
    statements = {
      first: prepareRaw(db, sql`${select} where ${publicVisible} ${order}`),
      after: prepareRaw(
        db,
        sql`${select} where ${publicVisible} and (${designs.createdAt}, ${designs.id})
          < (${sql.placeholder('at')}::timestamptz, ${sql.placeholder('id')}::uuid) ${order}`,
      ),
    };
    newestPublicStatements.set(db, statements);
  }
  return statements;
}
const newestPublicStatements = new WeakMap<
  Executor,
  {
    first: (values: { limit: number }) => Promise<RawRow[]>;
    after: (values: { limit: number; at: unknown; id: string }) => Promise<RawRow[]>;
  }
>();

/** Whether a listing is the public gallery, newest first, unfiltered: see `newestPublicJson`. */
export const isNewestPublic = (f: ListFilter) =>
  f.scope === 'public' && f.sort === 'new' && !f.category && !f.style && !f.tag && !f.color && !f.q;

const designJsonOf = (r: RawRow): DesignJson => ({
  id: r.id as string,
  userId: r.user_id as string,
  head: r.head as string,
  tail: r.tail as string,
});

/** A page of the public gallery, newest first, each design as JSON written by the database. */
export async function newestPublicJson(
  db: Executor,
  filter: ListFilter,
): Promise<{ items: DesignJson[]; nextCursor: string | null }> {
  const statements = newestPublic(db);
  const rows = filter.cursor
    ? await statements.after({ limit: filter.limit + 1, at: filter.cursor.values[0], id: filter.cursor.id })
    : await statements.first({ limit: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(designJsonOf),
    nextCursor:
      rows.length > filter.limit && last
        ? encodeCursor({ sort: 'new', values: [last.at as string], id: last.id as string })
        : null,
  };
}

/**
 * The filter's conditions but the search, each value through `bind`: inline, or as a placeholder
 * of a statement prepared once for every request of the same shape.
 */
function filterConditions(filter: ListFilter, bind: (value: unknown, name: string) => SQL): SQL[] {
  const where: SQL[] = [];
  if (filter.scope === 'public') where.push(publicVisible);
  if (filter.scope === 'mine') where.push(sql`${designs.userId} = ${bind(filter.userId, 'userId')}::uuid`);
  if (filter.scope === 'all' && !filter.includeHidden) where.push(sql`not ${designs.hidden}`);
  if (filter.category) where.push(sql`${designs.category} = ${bind(filter.category, 'category')}`);
  if (filter.style) where.push(sql`${designs.style} = ${bind(filter.style, 'style')}`);
  if (filter.tag) where.push(sql`${designs.tags} @> array[${bind(filter.tag, 'tag')}]::text[]`);
  if (filter.color) where.push(sql`${designs.colors} @> array[${bind(filter.color, 'color')}]::text[]`);
  return where;
}

/** Whether a listing is a search in relevance order: see `searchJson`. */
export const isRankedSearch = (f: ListFilter) => f.sort === 'relevance' && !!f.q;

/**
 * A keyset page: sort keys plus the id as the tie-breaker, so positions are total and stable.
 * (A search in relevance order is `searchJson`'s; here a search is a filter.)
 */
export async function listDesigns(db: Executor, filter: ListFilter) {
  const where = filterConditions(filter, (value) => sql`${value}`);
  if (filter.q) where.push(sql`${designs.searchVector} @@ websearch_to_tsquery('english', ${filter.q})`);
  // Sort keys, highest first; the cursor holds the last item's values.
  const keys: { expr: SQL; cast: string; of: (r: DesignRow) => string | number }[] =
    filter.sort === 'top'
      ? [
          { expr: sql`${designs.likes}`, cast: 'int', of: (r) => r.likes },
          { expr: sql`${designs.createdAt}`, cast: 'timestamptz', of: (r) => r.createdAt.toISOString() },
        ]
      : filter.sort === 'trending'
        ? [{ expr: sql`${designs.trendingScore}`, cast: 'float8', of: (r) => r.trendingScore }]
        : [{ expr: sql`${designs.createdAt}`, cast: 'timestamptz', of: (r) => r.createdAt.toISOString() }];

  if (filter.cursor) {
    const left = sql.join([...keys.map((k) => k.expr), sql`${designs.id}`], sql`, `);
    const right = sql.join(
      [
        ...keys.map((k, i) => sql`${filter.cursor!.values[i]}::${sql.raw(k.cast)}`),
        sql`${filter.cursor.id}::uuid`,
      ],
      sql`, `,
    );
    where.push(sql`(${left}) < (${right})`);
  }

  const rows = await db
    .select(designColumns)
    .from(designs)
    .where(and(...where))
    .orderBy(...keys.map((k) => desc(k.expr)), desc(designs.id))
    .limit(filter.limit + 1);

  const page = rows.slice(0, filter.limit) as DesignRow[];
  const last = page.at(-1);
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor({ sort: filter.sort, values: keys.map((k) => k.of(last)), id: last.id })
      : null;
  return { rows: page, nextCursor };
}

/**
 * How many of the newest matches a search ranks. Ranking every match of a common word visits every
 * matching row (8,000 of 100,000 designs for "lemons": about 200 ms of database time); ranking the
 * newest few hundred walks the gallery's index and stops.
 */
export const RANKED_CANDIDATES = 200;

/**
 * A search in relevance order: the newest RANKED_CANDIDATES matches by rank (ts_rank_cd), then
 * every older match by recency (rank -1 in the cursor), each design as JSON written by the database.
 * The candidates are read once, by a walk of the gallery's index (or, for a rare word, through the
 * full-text index), and ranked as they are read; the oldest of them is where the older matches
 * start; only the page's designs are written. One statement per shape of search (which filters,
 * which part of the list), prepared once: a request only binds its values.
 */
export async function searchJson(
  db: Executor,
  filter: ListFilter,
): Promise<{ items: DesignJson[]; nextCursor: string | null }> {
  const cursor = filter.cursor;
  const cursorRank = cursor ? Number(cursor.values[0]) : undefined;
  const phase = cursorRank === undefined ? 'first' : cursorRank >= 0 ? 'ranked' : 'older';
  const values: Record<string, unknown> = {
    q: filter.q,
    limit: filter.limit + 1,
    userId: filter.userId,
    category: filter.category,
    style: filter.style,
    tag: filter.tag,
    color: filter.color,
    rank: cursorRank,
    at: cursor?.values[1],
    id: cursor?.id,
  };
  const shape = JSON.stringify([
    filter.scope,
    filter.includeHidden,
    ...['category', 'style', 'tag', 'color'].map((k) => values[k] !== undefined),
    phase,
  ]);
  let statements = searchStatements.get(db);
  if (!statements) {
    statements = new Map();
    searchStatements.set(db, statements);
  }
  let statement = statements.get(shape);
  if (!statement) {
    statement = prepareRaw(
      db,
      searchStatement(
        filterConditions(filter, (_, name) => sql`${sql.placeholder(name)}`),
        phase,
      ),
    );
    statements.set(shape, statement);
  }
  const rows = await statement(values);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(designJsonOf),
    nextCursor:
      rows.length > filter.limit && last
        ? encodeCursor({
            sort: 'relevance',
            values: [Number(last.rank), last.at as string],
            id: last.id as string,
          })
        : null,
  };
}
const searchStatements = new WeakMap<Executor, Map<string, ReturnType<typeof prepareRaw>>>();

function searchStatement(filters: SQL[], phase: 'first' | 'ranked' | 'older'): SQL {
  const query = sql`websearch_to_tsquery('english', ${sql.placeholder('q')})`;
  const matches = and(...filters, sql`${designs.searchVector} @@ ${query}`);
  const limit = sql.placeholder('limit');
  const at = sql`${sql.placeholder('at')}::timestamptz`;
  const id = sql`${sql.placeholder('id')}::uuid`;
  const newest = sql`order by ${designs.createdAt} desc, ${designs.id} desc`;
  const ranked = sql`(select id, created_at, rank from candidate
    ${phase === 'ranked' ? sql`where (rank, created_at, id) < (${sql.placeholder('rank')}::float8, ${at}, ${id})` : sql``}
    order by rank desc, created_at desc, id desc limit ${limit})`;
  const older = sql`(select ${designs.id} as id, ${designs.createdAt} as created_at, -1::float8 as rank
    from ${designs} where ${matches} and (${designs.createdAt}, ${designs.id})
      < (select created_at, id from candidate order by created_at, id limit 1)
    ${phase === 'older' ? sql`and (${designs.createdAt}, ${designs.id}) < (${at}, ${id})` : sql``}
    ${newest} limit ${limit})`;
  return sql`with candidate as materialized (
      select ${designs.id} as id, ${designs.createdAt} as created_at,
        ts_rank_cd(${designs.searchVector}, ${query})::float8 as rank
      from ${designs} where ${matches} ${newest} limit ${RANKED_CANDIDATES}),
    page as (select * from (${phase === 'older' ? older : sql`${ranked} union all ${older}`}) p
      order by rank desc, created_at desc, id desc limit ${limit})
    select ${designJsonColumns}, page.rank, ${isoText(sql`page.created_at`)} as at
    from page join ${designs} on ${designs.id} = page.id
    order by page.rank desc, page.created_at desc, page.id desc`;
}

export async function likedBy(db: Executor, userId: string, designIds: string[]): Promise<Set<string>> {
  if (designIds.length === 0) return new Set();
  const rows = await db
    .select({ designId: designLikes.designId })
    .from(designLikes)
    .where(and(eq(designLikes.userId, userId), sql`${designLikes.designId} in ${designIds}`));
  return new Set(rows.map((r) => r.designId));
}
