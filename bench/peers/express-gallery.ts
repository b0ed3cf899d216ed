/**
 * The peer: the gallery and the design page as a typical Node team would write them from the
 * brief — Express 5, pg, zod on the input, express-rate-limit in memory, `res.json` — on the
 * same tables, with the same two SQL statements per page and the same response bodies.
 */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import pg from 'pg';
import { z } from 'zod';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
pool.on('error', () => {});

const app = express();
app.disable('x-powered-by');
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.use(
  '/api',
  rateLimit({ windowMs: 60_000, limit: 100_000_000, standardHeaders: 'draft-7', legacyHeaders: false }),
);

const columns = `id, user_id, title, description, prompt, status, progress, failure_reason, image_url,
  model_url, thumbnail_url, preview_url, tags, category, style, colors, ai_model, generation_params,
  confidence, quality, is_public, hidden, likes, views, created_at, updated_at`;
const publicVisible = `is_public and not hidden and status = 'ready'`;

type Row = Record<string, any>;

async function authors(ids: string[]) {
  const { rows } = await pool.query('select id, name, avatar_url from identity.users where id = any($1)', [
    [...new Set(ids)],
  ]);
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, avatarUrl: r.avatar_url }]));
}

function toDesign(r: Row, author: { id: string; name: string; avatarUrl: string | null } | undefined) {
  const params = r.generation_params ?? {};
  return {
    id: r.id,
    userId: r.user_id,
    author: author ?? { id: r.user_id, name: 'Former member', avatarUrl: null },
    title: r.title,
    description: r.description,
    prompt: r.prompt,
    status: r.status,
    progress: r.progress,
    failureReason: r.failure_reason,
    imageUrl: r.image_url,
    modelUrl: r.model_url,
    thumbnailUrl: r.thumbnail_url,
    previewUrl: r.preview_url,
    tags: r.tags,
    category: r.category,
    style: r.style,
    colors: r.colors,
    aiModel: r.ai_model,
    generationParams: params,
    confidence: r.confidence,
    quality: r.quality,
    fidelity: params.fidelity ?? null,
    credits: params.credits ?? [],
    isPublic: r.is_public,
    hidden: r.hidden,
    likes: r.likes,
    views: r.views,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(24),
  cursor: z.string().optional(),
});
const cursorSchema = z.object({ sort: z.literal('new'), values: z.tuple([z.string()]), id: z.uuid() });

app.get('/api/designs', async (req, res) => {
  const query = listQuery.safeParse(req.query);
  if (!query.success) return res.status(400).json({ error: 'Invalid query', code: 'validation_failed' });
  const { limit, cursor: raw } = query.data;
  let cursor: z.infer<typeof cursorSchema> | undefined;
  if (raw) {
    const parsed = cursorSchema.safeParse(
      (() => {
        try {
          return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
        } catch {
          return undefined;
        }
      })(),
    );
    if (!parsed.success) return res.status(400).json({ error: 'Invalid cursor', code: 'validation_failed' });
    cursor = parsed.data;
  }
  const { rows } = cursor
    ? await pool.query(
        `select ${columns} from designs.designs where ${publicVisible}
           and (created_at, id) < ($1::timestamptz, $2::uuid) order by created_at desc, id desc limit $3`,
        [cursor.values[0], cursor.id, limit + 1],
      )
    : await pool.query(
        `select ${columns} from designs.designs where ${publicVisible} order by created_at desc, id desc limit $1`,
        [limit + 1],
      );
  const page = rows.slice(0, limit);
  const people = await authors(page.map((r) => r.user_id));
  const last = page.at(-1);
  res.json({
    items: page.map((r) => toDesign(r, people.get(r.user_id))),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(
            JSON.stringify({ sort: 'new', values: [last.created_at.toISOString()], id: last.id }),
          ).toString('base64url')
        : null,
  });
});

app.get('/api/designs/:id', async (req, res) => {
  const id = z.uuid().safeParse(req.params.id);
  if (!id.success) return res.status(400).json({ error: 'Invalid id', code: 'validation_failed' });
  const { rows } = await pool.query(`select ${columns} from designs.designs where id = $1`, [id.data]);
  const row = rows[0];
  if (!row?.is_public || row.hidden)
    return res.status(404).json({ error: 'Design not found', code: 'not_found' });
  res.json(toDesign(row, (await authors([row.user_id])).get(row.user_id)));
});

app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
