import { categories, designStatuses, designVersionKinds, styles } from '@btb/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const designsSchema = pgSchema('designs');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The brief's design document, as a row with JSONB where the brief had free-form fields. */
export const designs = designsSchema.table(
  'designs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    prompt: text('prompt').notNull(),
    status: text('status', { enum: designStatuses }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    failureReason: text('failure_reason'),
    seed: integer('seed').notNull().default(1),
    imageUrl: text('image_url'),
    modelUrl: text('model_url'),
    thumbnailUrl: text('thumbnail_url'),
    previewUrl: text('preview_url'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    category: text('category', { enum: categories }).notNull(),
    style: text('style', { enum: styles }).notNull(),
    colors: text('colors').array().notNull().default(sql`'{}'::text[]`),
    /** The colours the owner chose (often none: the prompt's words lead); `colors` is the drawn palette. Null before it was kept. */
    requestedColors: text('requested_colors').array(),
    aiModel: text('ai_model'),
    generationParams: jsonb('generation_params').notNull().default({}),
    confidence: real('confidence'),
    quality: jsonb('quality'),
    isPublic: boolean('is_public').notNull().default(false),
    hidden: boolean('hidden').notNull().default(false),
    likes: integer('likes').notNull().default(0),
    views: integer('views').notNull().default(0),
    /** log of an exponentially decaying sum of likes and views, comparable across rows (see trending.ts). */
    trendingScore: doublePrecision('trending_score').notNull().default(0),
    /** Millisecond precision: keyset cursors carry it through JSON without losing the tie order. */
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', platform.immutable_array_to_string(tags)), 'A') || setweight(to_tsvector('english', coalesce(prompt, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    index('designs_user_created_idx').on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('designs_category_public_created_idx').on(t.category, t.isPublic, t.createdAt.desc().nullsFirst()),
    index('designs_public_created_idx')
      .on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.isPublic} and not ${t.hidden} and ${t.status} = 'ready'`),
    index('designs_public_likes_idx')
      .on(t.likes.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.isPublic} and not ${t.hidden} and ${t.status} = 'ready'`),
    index('designs_public_trending_idx')
      .on(t.trendingScore.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.isPublic} and not ${t.hidden} and ${t.status} = 'ready'`),
    index('designs_tags_public_idx').using('gin', t.tags).where(sql`${t.isPublic}`),
    index('designs_colors_idx').using('gin', t.colors),
    index('designs_search_idx').using('gin', t.searchVector),
  ],
);

export const designLikes = designsSchema.table(
  'design_likes',
  {
    designId: uuid('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.designId, t.userId] }),
    index('design_likes_user_idx').on(t.userId, t.createdAt.desc().nullsFirst()),
  ],
);

/** One row per viewer per design per hour: views are counted once per viewer per hour. */
export const designViews = designsSchema.table(
  'design_views',
  {
    designId: uuid('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    viewerKey: text('viewer_key').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.designId, t.viewerKey, t.hour] })],
);

/**
 * Every drawing made for a design: the candidates of its first prompt and each later variation.
 * The design row carries a copy of the current version, so galleries, mock-ups and orders read one row.
 */
export const designVersions = designsSchema.table(
  'design_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    designId: uuid('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: text('kind', { enum: designVersionKinds }).notNull(),
    seed: integer('seed').notNull(),
    status: text('status', { enum: designStatuses }).notNull().default('queued'),
    failureReason: text('failure_reason'),
    imageUrl: text('image_url'),
    modelUrl: text('model_url'),
    thumbnailUrl: text('thumbnail_url'),
    previewUrl: text('preview_url'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    colors: text('colors').array().notNull().default(sql`'{}'::text[]`),
    aiModel: text('ai_model'),
    generationParams: jsonb('generation_params').notNull().default({}),
    confidence: real('confidence'),
    quality: jsonb('quality'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('design_versions_design_number_idx').on(t.designId, t.number),
    uniqueIndex('design_versions_design_seed_idx').on(t.designId, t.seed),
  ],
);
