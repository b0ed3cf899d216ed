/**
 * Fills a database with public designs for the gallery and the benchmark:
 *   npm run seed -- --designs 100000 [--art 12]
 * Uses DATABASE_URL when set, else the embedded database in DATA_DIR. `--art` designs are generated
 * for real by the pattern engine; the seeded rows share their files, so the gallery has pictures.
 */
import { parseArgs } from 'node:util';
import { categories, styles } from '@btb/contracts';
import { EXAMPLE_PROMPTS, generateDesign } from '@btb/pattern-engine';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { createIdentityModule } from '../modules/identity/index.ts';
import { repeatSvgFromTile } from '../modules/studio/repeat-svg.ts';
import { svgToPng, thumbnailOf } from '../modules/studio/rendering.ts';
import { createPlatform } from '../platform/platform.ts';
import { publicFileUrl } from '../platform/storage/file-storage.ts';

const { values } = parseArgs({
  options: { designs: { type: 'string', default: '1000' }, art: { type: 'string', default: '12' } },
});
const total = Number(values.designs);
const artCount = Math.max(1, Number(values.art));
if (!Number.isInteger(total) || total < 1) {
  console.error('Usage: npm run seed -- --designs <count> [--art <count>]');
  process.exit(2);
}

const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const platform = await createPlatform(config);
try {
  const identity = await createIdentityModule(platform);
  const email = 'gallery-seed@boutique-to-box.local';
  const seeder = await identity.service
    .register({ email, password: `seed-${Date.now()}-account`, name: 'Boutique-To-Box Studio' })
    .then((s) => s.user.id)
    .catch(async () => {
      const r = await platform.database.db.execute<{ id: string }>(
        sql`select id from identity.users where email = ${email}`,
      );
      return r.rows[0]!.id;
    });

  console.log(`rendering ${artCount} designs with the pattern engine…`);
  const art: {
    imageUrl: string;
    thumbnailUrl: string;
    previewUrl: string;
    modelUrl: string;
    tags: string[];
    colors: string[];
    title: string;
    prompt: string;
    category: string;
    style: string;
  }[] = [];
  for (let i = 0; i < artCount; i++) {
    const prompt = EXAMPLE_PROMPTS[i % EXAMPLE_PROMPTS.length]!;
    const category = categories[i % categories.length]!;
    const style = styles[i % styles.length]!;
    const { spec, tileSvg, previewSvg } = generateDesign({
      prompt,
      category,
      style,
      colors: [],
      seed: 1000 + i,
    });
    const key = (n: string) => `seed/${i}-${spec.seed}/${n}`;
    const repeat = await svgToPng(repeatSvgFromTile(tileSvg, spec.tileSize, 3, 1536, 1536), 1536);
    await platform.storage.put(key('tile.svg'), Buffer.from(tileSvg), 'image/svg+xml');
    await platform.storage.put(key('repeat.png'), repeat, 'image/png');
    await platform.storage.put(key('thumb.webp'), await thumbnailOf(repeat), 'image/webp');
    await platform.storage.put(key('preview.png'), await svgToPng(previewSvg, 800), 'image/png');
    art.push({
      imageUrl: publicFileUrl(key('repeat.png')),
      thumbnailUrl: publicFileUrl(key('thumb.webp')),
      previewUrl: publicFileUrl(key('preview.png')),
      modelUrl: publicFileUrl(key('tile.svg')),
      tags: spec.tags,
      colors: spec.colors,
      title: spec.title,
      prompt,
      category,
      style,
    });
  }

  console.log(`inserting ${total} designs…`);
  const started = Date.now();
  const batch = 5000;
  for (let offset = 0; offset < total; offset += batch) {
    const n = Math.min(batch, total - offset);
    // One statement per batch: the rows are built by the database from the rendered samples.
    await platform.database.db.execute(sql`
      insert into designs.designs (user_id, title, prompt, status, progress, image_url, model_url, thumbnail_url, preview_url,
        tags, category, style, colors, ai_model, generation_params, confidence, is_public, likes, views, trending_score, created_at)
      select ${seeder}::uuid, a.title || ' #' || (${offset}::int + g), a.prompt, 'ready', 100, a.image_url, a.model_url, a.thumbnail_url,
        a.preview_url, a.tags, a.category, a.style, a.colors, 'builtin-pattern-engine@1', '{}'::jsonb, 0.9, true,
        (random() * 200)::int, (random() * 2000)::int, random() * 20,
        now() - ((${total}::int - ${offset}::int - g) * interval '25 seconds')
      from generate_series(1, ${n}::int) g
      join lateral (
        select * from jsonb_to_recordset(${JSON.stringify(art.map((a) => ({ ...a, image_url: a.imageUrl, model_url: a.modelUrl, thumbnail_url: a.thumbnailUrl, preview_url: a.previewUrl })))}::jsonb)
          as x(title text, prompt text, image_url text, model_url text, thumbnail_url text, preview_url text, tags text[], category text, style text, colors text[])
        offset ((g + ${offset}::int) % ${art.length}::int) limit 1
      ) a on true`);
    process.stdout.write(`\r  ${offset + n}/${total}`);
  }
  await platform.database.db.execute(sql`analyze designs.designs`);
  console.log(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await platform.close();
}
