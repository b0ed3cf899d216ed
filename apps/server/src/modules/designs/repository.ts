import { artCreditSchema, type Category, type Design, fidelitySchema, type Style } from '@btb/contracts';
import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
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
  const fidelity = fidelitySchema.safeParse(params.fidelity);
  const credits = creditsSchema.safeParse(params.credits);
  return {
    fidelity: fidelity.success ? fidelity.data : null,
    credits: credits.success ? credits.data : [],
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

/** A keyset page: sort keys plus the id as the tie-breaker, so positions are total and stable. */
export async function listDesigns(db: Executor, filter: ListFilter) {
  const where: SQL[] = [];
  if (filter.scope === 'public') where.push(publicVisible);
  if (filter.scope === 'mine') where.push(eq(designs.userId, filter.userId!));
  if (filter.scope === 'all' && !filter.includeHidden) where.push(sql`not ${designs.hidden}`);
  if (filter.category) where.push(eq(designs.category, filter.category));
  if (filter.style) where.push(eq(designs.style, filter.style));
  if (filter.tag) where.push(sql`${designs.tags} @> array[${filter.tag}]::text[]`);
  if (filter.color) where.push(sql`${designs.colors} @> array[${filter.color}]::text[]`);
  const query = filter.q ? sql`websearch_to_tsquery('english', ${filter.q})` : undefined;
  if (query) where.push(sql`${designs.searchVector} @@ ${query}`);

  const rank = query
    ? sql<number>`ts_rank_cd(${designs.searchVector}, ${query})::float8`
    : sql<number>`0::float8`;
  // Sort keys, highest first; the cursor holds the last item's values.
  const keys: { expr: SQL; cast: string; of: (r: DesignRow & { rank: number }) => string | number }[] =
    filter.sort === 'top'
      ? [
          { expr: sql`${designs.likes}`, cast: 'int', of: (r) => r.likes },
          { expr: sql`${designs.createdAt}`, cast: 'timestamptz', of: (r) => r.createdAt.toISOString() },
        ]
      : filter.sort === 'trending'
        ? [{ expr: sql`${designs.trendingScore}`, cast: 'float8', of: (r) => r.trendingScore }]
        : filter.sort === 'relevance' && query
          ? [
              { expr: rank, cast: 'float8', of: (r) => r.rank },
              { expr: sql`${designs.createdAt}`, cast: 'timestamptz', of: (r) => r.createdAt.toISOString() },
            ]
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
    .select({ ...designColumns, rank })
    .from(designs)
    .where(and(...where))
    .orderBy(...keys.map((k) => desc(k.expr)), desc(designs.id))
    .limit(filter.limit + 1);

  const page = rows.slice(0, filter.limit) as (DesignRow & { rank: number })[];
  const last = page.at(-1);
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor({ sort: filter.sort, values: keys.map((k) => k.of(last)), id: last.id })
      : null;
  return { rows: page as DesignRow[], nextCursor };
}

export async function likedBy(db: Executor, userId: string, designIds: string[]): Promise<Set<string>> {
  if (designIds.length === 0) return new Set();
  const rows = await db
    .select({ designId: designLikes.designId })
    .from(designLikes)
    .where(and(eq(designLikes.userId, userId), sql`${designLikes.designId} in ${designIds}`));
  return new Set(rows.map((r) => r.designId));
}
