import type { Category, Style } from '@btb/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';

/** One rendered design whose files the seeded rows share. */
export interface SeedSample {
  title: string;
  prompt: string;
  category: Category;
  style: Style;
  tags: string[];
  colors: string[];
  imageUrl: string;
  thumbnailUrl: string;
  previewUrl: string;
  modelUrl: string;
}

/**
 * Inserts `total` public, ready designs owned by `ownerId`, cycling through the samples, with
 * likes, views and trending scores spread at random and creation times 25 s apart (newest last).
 * One statement per batch of 5,000: the rows are built by the database. Used by `npm run seed`
 * for the gallery and the benchmark; events are not published (nothing reacts to seed data).
 */
export async function seedPublicDesigns(
  db: Db,
  ownerId: string,
  samples: readonly SeedSample[],
  total: number,
  onProgress: (inserted: number) => void = () => {},
): Promise<void> {
  const rows = JSON.stringify(
    samples.map((a) => ({
      title: a.title,
      prompt: a.prompt,
      category: a.category,
      style: a.style,
      tags: a.tags,
      colors: a.colors,
      image_url: a.imageUrl,
      model_url: a.modelUrl,
      thumbnail_url: a.thumbnailUrl,
      preview_url: a.previewUrl,
    })),
  );
  const batch = 5000;
  for (let offset = 0; offset < total; offset += batch) {
    const n = Math.min(batch, total - offset);
    await db.execute(sql`
      insert into designs.designs (user_id, title, prompt, status, progress, image_url, model_url, thumbnail_url, preview_url,
        tags, category, style, colors, ai_model, generation_params, confidence, is_public, likes, views, trending_score, created_at)
      select ${ownerId}::uuid, a.title || ' #' || (${offset}::int + g), a.prompt, 'ready', 100, a.image_url, a.model_url, a.thumbnail_url,
        a.preview_url, a.tags, a.category, a.style, a.colors, 'builtin-pattern-engine@1', '{}'::jsonb, 0.9, true,
        (random() * 200)::int, (random() * 2000)::int, random() * 20,
        now() - ((${total}::int - ${offset}::int - g) * interval '25 seconds')
      from generate_series(1, ${n}::int) g
      join lateral (
        select * from jsonb_to_recordset(${rows}::jsonb)
          as x(title text, prompt text, image_url text, model_url text, thumbnail_url text, preview_url text, tags text[], category text, style text, colors text[])
        offset ((g + ${offset}::int) % ${samples.length}::int) limit 1
      ) a on true`);
    onProgress(offset + n);
  }
  await db.execute(sql`analyze designs.designs`);
}
