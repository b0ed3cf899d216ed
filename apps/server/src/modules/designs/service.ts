import { randomInt } from 'node:crypto';
import type {
  CreateDesignBody,
  Design,
  DesignVersionList,
  ListDesignsQuery,
  QualityReport,
  UpdateDesignBody,
} from '@btb/contracts';
import {
  createDesignBodySchema,
  designSchema,
  listDesignsQuerySchema,
  pageOf,
  publicUserSchema,
} from '@btb/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { appendEvent } from '../../platform/bus/outbox.ts';
import type { TwoLevelCache } from '../../platform/cache/two-level-cache.ts';
import type { Database, Db, Executor } from '../../platform/db/database.ts';
import { forbidden, invalidState, notFound } from '../../platform/errors.ts';
import { type Actor, isAdmin } from '../../platform/http/actor.ts';
import { serializerFor } from '../../platform/http/serializers.ts';
import type { FileStorage } from '../../platform/storage/file-storage.ts';
import type { IdentityService } from '../identity/index.ts';
import { decodeCursor } from './cursor.ts';
import {
  designColumns,
  type DesignRow,
  type DesignJson,
  isNewestPublic,
  isRankedSearch,
  likedBy,
  listDesigns,
  newestPublicJson,
  searchJson,
  toDesign,
} from './repository.ts';
import { type SeedSample, seedPublicDesigns } from './seeding.ts';
import { designLikes, designs, designVersions, designViews } from './tables.ts';
import { toDesignVersion, versionColumns } from './versions.ts';
import { addToScoreSql, contribution, weights } from './trending.ts';

const GALLERY = 'gallery';
const DETAIL_TTL_S = 300;
const GALLERY_TTL_S = 30;
/**
 * A page read from a replica may miss a write the replica has not replayed yet (the write's
 * invalidation can reach the cache first): it is cached only this long.
 */
const REPLICA_READ_TTL_S = 5;
const designKey = (id: string) => `design:${id}`;
const serializePage = serializerFor(pageOf(designSchema));
const serializeAuthor = serializerFor(publicUserSchema);
/** The author of a design whose account is gone. */
const formerMember = (id: string) => ({ id, name: 'Former member', avatarUrl: null });

type DesignPage = { items: Design[]; nextCursor: string | null };

/** Hands a design's new versions (one seed each) to generation inside the transaction that created them. */
export type GenerationScheduler = (tx: Executor, design: { id: string; seeds: number[] }) => Promise<void>;

const newSeed = () => randomInt(1, 2 ** 31 - 1);

export interface GenerationOutcome {
  imageUrl: string;
  modelUrl: string | null;
  thumbnailUrl: string;
  previewUrl: string;
  tags: string[];
  colors: string[];
  aiModel: string;
  generationParams: Record<string, unknown>;
  confidence: number;
  quality: QualityReport;
}

export class DesignsService {
  private scheduler: GenerationScheduler | undefined;
  private candidatesPerPrompt = 1;

  constructor(
    private readonly db: Db,
    private readonly cache: TwoLevelCache,
    private readonly storage: FileStorage,
    private readonly identity: IdentityService,
    private readonly relayPoke: () => void,
    /** Replicas for anonymous gallery, search and design pages; signed-in viewers read the primary. */
    private readonly replicas: Pick<Database, 'readWith' | 'replicas'> = {
      readWith: (query) => query(db),
      replicas: () => [],
    },
  ) {}

  /** Fills the gallery with `total` public designs made from rendered samples (`npm run seed`). */
  async seedGallery(
    ownerId: string,
    samples: readonly SeedSample[],
    total: number,
    onProgress?: (n: number) => void,
  ) {
    await seedPublicDesigns(this.db, ownerId, samples, total, onProgress);
    await this.cache.bumpNamespace(GALLERY);
  }

  /** How long a page read by this viewer may be cached. */
  private ttlFor(viewer: Actor | null, ttlS: number): number {
    return !viewer && this.replicas.replicas().length > 0 ? Math.min(ttlS, REPLICA_READ_TTL_S) : ttlS;
  }

  /** Signed-in viewers read their own writes: they read the primary. Anyone else may read a replica. */
  private reading<T>(viewer: Actor | null, query: (db: Db) => Promise<T>): Promise<T> {
    return viewer ? query(this.db) : this.replicas.readWith(query);
  }

  /**
   * The studio registers how generation is scheduled and how many candidates its generator draws
   * for a new prompt; until then designs stay queued.
   */
  setGenerationScheduler(scheduler: GenerationScheduler, candidatesPerPrompt = 1) {
    this.scheduler = scheduler;
    this.candidatesPerPrompt = Math.max(1, candidatesPerPrompt);
  }

  async create(actor: Actor, input: CreateDesignBody): Promise<Design> {
    const body = createDesignBodySchema.parse(input);
    const seeds = [...new Set(Array.from({ length: this.candidatesPerPrompt }, newSeed))];
    const seed = seeds[0]!;
    const row = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(designs)
        .values({
          userId: actor.id,
          title: body.title,
          description: body.description ?? null,
          prompt: body.prompt,
          category: body.category,
          style: body.style,
          colors: body.colors,
          requestedColors: body.colors,
          tags: [...new Set(body.tags ?? [])],
          isPublic: body.isPublic,
          seed,
          trendingScore: contribution(1),
        })
        .returning(designColumns);
      await appendEvent(tx, {
        eventType: 'design_created',
        userId: actor.id,
        designId: row!.id,
        metadata: {
          category: body.category,
          style: body.style,
          colors: body.colors,
          tags: body.tags ?? [],
          isPublic: body.isPublic,
        },
      });
      // One design, one count against the creation limit, however many candidates are drawn.
      await tx
        .insert(designVersions)
        .values(
          seeds.map((s, i) => ({ designId: row!.id, number: i + 1, kind: 'candidate' as const, seed: s })),
        );
      await this.scheduler?.(tx, { id: row!.id, seeds });
      return row as DesignRow;
    });
    this.relayPoke();
    return (await this.present([row], actor))[0]!;
  }

  /** A design as its viewer may see it: private ones are 404 to everyone but the owner and admins. */
  async get(id: string, viewer: Actor | null): Promise<Design> {
    const design = await this.visible(id, viewer);
    if (!viewer) return design;
    const liked = await likedBy(this.db, viewer.id, [id]);
    return { ...design, likedByMe: liked.has(id) };
  }

  /** The design if the viewer may see it (404 otherwise), without the viewer's like. */
  private async visible(id: string, viewer: Actor | null): Promise<Design> {
    const load = async (db: Db) => {
      const [row] = await db.select(designColumns).from(designs).where(eq(designs.id, id));
      return row ? (await this.present([row as DesignRow], null))[0]! : null;
    };
    let design = await this.cache.get<Design | null>(designKey(id));
    if (design === undefined) {
      design = await this.reading(viewer, load);
      // A design a replica does not have yet may just have been created: the primary decides.
      const fromPrimary = design === null && !viewer;
      if (fromPrimary) design = await load(this.db);
      await this.cache.set(
        designKey(id),
        design,
        fromPrimary ? DETAIL_TTL_S : this.ttlFor(viewer, DETAIL_TTL_S),
      );
    }
    if (!design || !this.canSee(design, viewer)) throw notFound('Design');
    // The author as they are now: a new name or avatar shows at once, not when the copy expires.
    const author = (await this.identity.publicProfiles([design.userId])).get(design.userId);
    return author ? { ...design, author } : design;
  }

  /** Counts a view once per viewer per hour; the owner's own views do not count. */
  async recordView(id: string, viewer: Actor | null, viewerKey: string): Promise<void> {
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    // A viewer already counted this hour is answered from the cache, without touching the database.
    const seenKey = `viewed:${id}:${viewerKey}:${hour.getTime()}`;
    if (await this.cache.get<boolean>(seenKey)) return;
    const counted = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ userId: designs.userId, isPublic: designs.isPublic })
        .from(designs)
        .where(eq(designs.id, id));
      if (!row || row.userId === viewer?.id) return false;
      const inserted = await tx
        .insert(designViews)
        .values({ designId: id, viewerKey, hour })
        .onConflictDoNothing()
        .returning({ designId: designViews.designId });
      if (inserted.length === 0) return false;
      await tx
        .update(designs)
        .set({
          views: sql`${designs.views} + 1`,
          trendingScore: sql.raw(addToScoreSql('trending_score', contribution(weights.view))),
        })
        .where(eq(designs.id, id));
      await appendEvent(tx, {
        eventType: 'design_viewed',
        userId: viewer?.id ?? null,
        designId: id,
        metadata: {},
      });
      return true;
    });
    await this.cache.set(seenKey, true, 3600);
    if (counted) {
      // The detail page shows the count; gallery pages may lag by their short TTL.
      await this.cache.delete(designKey(id));
      this.relayPoke();
    }
  }

  /** `fresh` skips the cached copy (a client sent `Cache-Control: no-cache`); the result still refreshes it. */
  async list(
    query: ListDesignsQuery,
    viewer: Actor | null,
    options: { fresh?: boolean } = {},
  ): Promise<DesignPage> {
    const loaded = await this.loadPage(query, viewer, options);
    const page = loaded.page ?? (JSON.parse(loaded.bytes.toString('utf8')) as DesignPage);
    if (!viewer || page.items.length === 0) return page;
    const liked = await likedBy(
      this.db,
      viewer.id,
      page.items.map((d) => d.id),
    );
    return { ...page, items: page.items.map((d) => ({ ...d, likedByMe: liked.has(d.id) })) };
  }

  /**
   * The page as the API sends it (JSON). The public gallery's first pages are cached as its bytes,
   * serialized once per cache fill and sent as-is on every anonymous hit.
   */
  async listJson(query: ListDesignsQuery, viewer: Actor | null, options: { fresh?: boolean } = {}) {
    if (viewer) return serializePage(await this.list(query, viewer, options));
    const loaded = await this.loadPage(query, null, options);
    return loaded.bytes ?? serializePage(loaded.page);
  }

  private async loadPage(
    query: ListDesignsQuery,
    viewer: Actor | null,
    options: { fresh?: boolean },
  ): Promise<{ page: DesignPage; bytes?: Buffer } | { page?: undefined; bytes: Buffer }> {
    const q = listDesignsQuerySchema.parse(query);
    if (q.scope === 'mine' && !viewer) throw forbidden('Sign in to see your designs');
    const sort = q.sort ?? (q.q ? 'relevance' : 'new');
    const filter = {
      scope: q.scope,
      userId: viewer?.id,
      category: q.category,
      style: q.style,
      tag: q.tag,
      color: q.color,
      q: q.q,
      sort,
      limit: q.limit,
      cursor: q.cursor ? decodeCursor(q.cursor, sort) : undefined,
    } as const;
    const load = () =>
      this.reading(viewer, async (db): Promise<{ page: DesignPage } | { bytes: Buffer }> => {
        if (isNewestPublic(filter)) return { bytes: await this.jsonPage(await newestPublicJson(db, filter)) };
        if (isRankedSearch(filter)) return { bytes: await this.jsonPage(await searchJson(db, filter)) };
        const page = await listDesigns(db, filter);
        return { page: { items: await this.present(page.rows, null), nextCursor: page.nextCursor } };
      });
    // The first page of public listings is what most visitors ask for: cache it.
    const cacheable = q.scope === 'public' && !q.cursor;
    const key = cacheable
      ? await this.cache.namespacedKey(GALLERY, JSON.stringify({ ...filter, sort }))
      : undefined;
    if (!key) return load();
    const cached = options.fresh ? undefined : await this.cache.getBytes(key);
    if (cached !== undefined) return { bytes: cached };
    const loaded = await load();
    const bytes = 'bytes' in loaded ? loaded.bytes : Buffer.from(serializePage(loaded.page));
    await this.cache.setBytes(key, bytes, this.ttlFor(viewer, GALLERY_TTL_S));
    return { ...loaded, bytes };
  }

  /**
   * A page as the API sends it, from designs as JSON the database wrote (see `newestPublicJson`),
   * each author's JSON laid in between a design's halves.
   */
  private async jsonPage({ items, nextCursor }: { items: DesignJson[]; nextCursor: string | null }) {
    const authors = await this.identity.publicProfiles(items.map((d) => d.userId));
    const authorJson = new Map<string, string>();
    const parts = items.map((d) => {
      let author = authorJson.get(d.userId);
      if (author === undefined) {
        author = serializeAuthor(authors.get(d.userId) ?? formerMember(d.userId));
        authorJson.set(d.userId, author);
      }
      return `${d.head.slice(0, -1)},"author":${author},${d.tail.slice(1)}`;
    });
    return Buffer.from(`{"items":[${parts.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`);
  }

  async update(actor: Actor, id: string, patch: UpdateDesignBody): Promise<Design> {
    await this.db.transaction(async (tx) => {
      const row = await this.findRow(tx, id, true);
      this.assertOwner(row, actor);
      await tx
        .update(designs)
        .set({
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.isPublic !== undefined ? { isPublic: patch.isPublic } : {}),
          ...(patch.tags !== undefined ? { tags: [...new Set(patch.tags)] } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(designs.id, id));
      await appendEvent(tx, {
        eventType: 'design_updated',
        userId: actor.id,
        designId: id,
        metadata: { fields: Object.keys(patch) },
      });
    });
    await this.invalidate(id);
    return this.get(id, actor);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.findRow(tx, id, true);
      this.assertOwner(row, actor);
      // Likes and views go with it (foreign keys cascade).
      await tx.delete(designs).where(eq(designs.id, id));
      await appendEvent(tx, { eventType: 'design_deleted', userId: actor.id, designId: id, metadata: {} });
    });
    await this.storage.deletePrefix(`designs/${id}/`);
    await this.invalidate(id);
  }

  /** A new variation: a new seed and a new version in the history, back to queued, generated again. */
  async regenerate(actor: Actor, id: string): Promise<Design> {
    const seed = newSeed();
    await this.db.transaction(async (tx) => {
      const row = await this.findRow(tx, id, true);
      this.assertOwner(row, actor);
      if (row.status === 'queued' || row.status === 'generating') {
        throw invalidState('This design is still being generated');
      }
      const [{ last }] = (await tx
        .select({ last: sql<number>`coalesce(max(${designVersions.number}), 0)::int` })
        .from(designVersions)
        .where(eq(designVersions.designId, id))) as [{ last: number }];
      await tx
        .insert(designVersions)
        .values({ designId: id, number: Number(last) + 1, kind: 'variation', seed });
      await tx
        .update(designs)
        .set({ status: 'queued', progress: 0, failureReason: null, seed, updatedAt: sql`now()` })
        .where(eq(designs.id, id));
      await appendEvent(tx, {
        eventType: 'design_updated',
        userId: actor.id,
        designId: id,
        metadata: { regenerated: true, seed },
      });
      await this.scheduler?.(tx, { id, seeds: [seed] });
    });
    await this.invalidate(id);
    return this.get(id, actor);
  }

  /** Idempotent like/unlike; the counter moves only when the like row appears or disappears. */
  async setLike(actor: Actor, id: string, liked: boolean): Promise<{ liked: boolean; likes: number }> {
    const result = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          id: designs.id,
          userId: designs.userId,
          isPublic: designs.isPublic,
          hidden: designs.hidden,
          status: designs.status,
          category: designs.category,
          style: designs.style,
          tags: designs.tags,
          colors: designs.colors,
        })
        .from(designs)
        .where(eq(designs.id, id));
      if (!row || !this.canSee(row, actor)) throw notFound('Design');
      let changed = false;
      if (liked) {
        const inserted = await tx
          .insert(designLikes)
          .values({ designId: id, userId: actor.id })
          .onConflictDoNothing()
          .returning({ designId: designLikes.designId });
        changed = inserted.length > 0;
      } else {
        const deleted = await tx
          .delete(designLikes)
          .where(and(eq(designLikes.designId, id), eq(designLikes.userId, actor.id)))
          .returning({ designId: designLikes.designId });
        changed = deleted.length > 0;
      }
      if (changed) {
        await tx
          .update(designs)
          .set({
            likes: sql`${designs.likes} + ${liked ? 1 : -1}`,
            ...(liked
              ? { trendingScore: sql.raw(addToScoreSql('trending_score', contribution(weights.like))) }
              : {}),
          })
          .where(eq(designs.id, id));
        await appendEvent(tx, {
          eventType: 'design_liked',
          userId: actor.id,
          designId: id,
          metadata: {
            liked,
            ownerId: row.userId,
            category: row.category,
            style: row.style,
            tags: row.tags,
            colors: row.colors,
          },
        });
      }
      const [{ likes }] = (await tx
        .select({ likes: designs.likes })
        .from(designs)
        .where(eq(designs.id, id))) as [{ likes: number }];
      return { changed, likes };
    });
    if (result.changed) await this.invalidate(id);
    return { liked, likes: result.likes };
  }

  // --- versions: candidates and the history of variations ---

  /** Every version of a design, oldest first; the history is the owner's (and admins') only. */
  async listVersions(actor: Actor, id: string): Promise<DesignVersionList> {
    const row = await this.findRow(this.db, id);
    this.assertOwner(row, actor, 'Only the owner can see the history of this design');
    const rows = await this.db
      .select(versionColumns)
      .from(designVersions)
      .where(eq(designVersions.designId, id))
      .orderBy(asc(designVersions.number));
    return {
      items: rows.map((v) => toDesignVersion(v, row.seed)),
      candidatesPerPrompt: this.candidatesPerPrompt,
    };
  }

  /** Makes a ready version the design's current one: picking a candidate, or restoring an earlier variation. */
  async selectVersion(actor: Actor, id: string, versionId: string): Promise<Design> {
    await this.db.transaction(async (tx) => {
      const row = await this.findRow(tx, id, true);
      this.assertOwner(row, actor);
      if (row.status === 'queued' || row.status === 'generating') {
        throw invalidState('This design is still being generated; choose once it is ready');
      }
      const [version] = await tx
        .select(versionColumns)
        .from(designVersions)
        .where(and(eq(designVersions.designId, id), eq(designVersions.id, versionId)));
      if (!version) throw notFound('Version');
      if (version.status !== 'ready') throw invalidState(`Version ${version.number} has no drawing to use`);
      // The version's files and record become the design's; its tags stay the owner's.
      const { id: _id, designId: _design, number: _n, kind: _k, createdAt: _c, tags: _t, ...drawn } = version;
      await tx
        .update(designs)
        .set({ ...drawn, status: 'ready', progress: 100, failureReason: null, updatedAt: sql`now()` })
        .where(eq(designs.id, id));
      await appendEvent(tx, {
        eventType: 'design_updated',
        userId: actor.id,
        designId: id,
        metadata: { versionSelected: version.number, seed: version.seed },
      });
    });
    await this.invalidate(id);
    this.relayPoke();
    return this.get(id, actor);
  }

  // --- for the studio (generation) ---

  /** The design as generation needs it, with the seeds of its versions still to draw. */
  async generationInput(id: string) {
    const row = await this.findRow(this.db, id).catch(() => undefined);
    if (!row) return null;
    const pending = await this.db
      .select({ seed: designVersions.seed })
      .from(designVersions)
      .where(and(eq(designVersions.designId, id), sql`${designVersions.status} <> 'ready'`));
    return { ...row, pendingSeeds: pending.map((v) => v.seed) };
  }

  async setGenerationProgress(id: string, status: 'generating' | 'queued', progress: number): Promise<void> {
    await this.db
      .update(designs)
      .set({ status, progress: Math.round(progress) })
      .where(and(eq(designs.id, id), sql`${designs.status} in ('queued', 'generating')`));
    await this.cache.delete(designKey(id));
  }

  /** Stores a drawn version; when it is the design's current one, the design becomes ready with it. */
  async completeGeneration(id: string, seed: number, outcome: GenerationOutcome): Promise<boolean> {
    const done = await this.db.transaction(async (tx) => {
      const row = await this.findRow(tx, id, true).catch(() => undefined);
      if (!row) return false;
      await tx
        .update(designVersions)
        .set({ ...outcome, status: 'ready', failureReason: null })
        .where(and(eq(designVersions.designId, id), eq(designVersions.seed, seed)));
      // Another version is current (the owner chose one meanwhile): this one waits in the history.
      if (row.seed !== seed || row.status === 'ready') return false;
      await tx
        .update(designs)
        .set({ ...outcome, status: 'ready', progress: 100, failureReason: null, updatedAt: sql`now()` })
        .where(eq(designs.id, id));
      await appendEvent(tx, {
        eventType: 'generation_completed',
        userId: row.userId,
        designId: id,
        metadata: { title: row.title, aiModel: outcome.aiModel, tags: outcome.tags, colors: outcome.colors },
      });
      await appendEvent(tx, {
        eventType: 'design_updated',
        userId: row.userId,
        designId: id,
        metadata: {
          status: 'ready',
          category: row.category,
          style: row.style,
          tags: outcome.tags,
          colors: outcome.colors,
          isPublic: row.isPublic,
        },
      });
      return true;
    });
    await this.invalidate(id);
    this.relayPoke();
    return done;
  }

  async failGeneration(id: string, seed: number, reason: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.findRow(tx, id, true).catch(() => undefined);
      if (!row) return;
      await tx
        .update(designVersions)
        .set({ status: 'failed', failureReason: reason })
        .where(
          and(
            eq(designVersions.designId, id),
            eq(designVersions.seed, seed),
            sql`${designVersions.status} <> 'ready'`,
          ),
        );
      if (row.seed !== seed || row.status === 'ready') return;
      await tx
        .update(designs)
        .set({ status: 'failed', failureReason: reason, updatedAt: sql`now()` })
        .where(eq(designs.id, id));
      await appendEvent(tx, {
        eventType: 'generation_failed',
        userId: row.userId,
        designId: id,
        metadata: { title: row.title, reason },
      });
    });
    await this.invalidate(id);
    this.relayPoke();
  }

  // --- for orders and administration ---

  /** A ready design the actor may order: visible to them and finished. */
  async orderableDesign(actor: Actor, id: string): Promise<Design> {
    const design = await this.visible(id, actor);
    if (design.status !== 'ready') throw invalidState(`Design "${design.title}" is not ready yet`);
    return design;
  }

  async setHidden(id: string, hidden: boolean, admin: Actor): Promise<Design> {
    const [row] = await this.db
      .update(designs)
      .set({ hidden, updatedAt: sql`now()` })
      .where(eq(designs.id, id))
      .returning({ id: designs.id });
    if (!row) throw notFound('Design');
    await this.invalidate(id);
    return this.get(id, admin);
  }

  async adminList(query: { q?: string; cursor?: string; limit: number }) {
    const sort = query.q ? 'relevance' : 'new';
    const page = await listDesigns(this.db, {
      scope: 'all',
      includeHidden: true,
      q: query.q,
      sort,
      limit: query.limit,
      cursor: query.cursor ? decodeCursor(query.cursor, sort) : undefined,
    });
    return { items: await this.present(page.rows, null), nextCursor: page.nextCursor };
  }

  async statistics() {
    const perDay = await this.db.execute<{ day: string; count: number }>(sql`
      select to_char(date_trunc('day', created_at), 'YYYY-MM-DD') as day, count(*)::int as count
      from designs.designs where created_at > now() - interval '30 days' group by 1 order by 1`);
    const [totals] = (
      await this.db.execute<{ total: number; ready: number; failed: number }>(sql`
      select count(*)::int as total, count(*) filter (where status = 'ready')::int as ready,
             count(*) filter (where status = 'failed')::int as failed from designs.designs`)
    ).rows;
    return { perDay: perDay.rows.map((r) => ({ day: r.day, count: Number(r.count) })), totals: totals! };
  }

  private canSee(
    design: { userId: string; isPublic: boolean; hidden: boolean; status: string },
    viewer: Actor | null,
  ) {
    if (viewer && (viewer.id === design.userId || isAdmin(viewer))) return true;
    return design.isPublic && !design.hidden;
  }

  private assertOwner(row: DesignRow, actor: Actor, message = 'Only the owner can change this design') {
    if (row.userId === actor.id || isAdmin(actor)) return;
    // Someone else's design: a private one does not exist for them; a public one is not theirs to change.
    if (!row.isPublic || row.hidden) throw notFound('Design');
    throw forbidden(message);
  }

  private async findRow(db: Executor, id: string, lock = false): Promise<DesignRow> {
    const query = db.select(designColumns).from(designs).where(eq(designs.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound('Design');
    return row as DesignRow;
  }

  private async present(rows: DesignRow[], _viewer: Actor | null): Promise<Design[]> {
    const authors = await this.identity.publicProfiles(rows.map((r) => r.userId));
    return rows.map((r) => toDesign(r, authors.get(r.userId) ?? formerMember(r.userId)));
  }

  /** Drops the design and every cached gallery page before the write's response leaves. */
  private async invalidate(id: string) {
    await this.cache.delete(designKey(id));
    await this.cache.bumpNamespace(GALLERY);
  }
}
