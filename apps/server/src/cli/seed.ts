/**
 * Fills a database with public designs for the gallery and the benchmark:
 *   npm run seed -- --designs 100000 [--art 12]
 * Uses DATABASE_URL when set, else the embedded database in DATA_DIR. `--art` designs are generated
 * for real by the pattern engine; the seeded rows share their files, so the gallery has pictures.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { categories, styles } from '@btb/contracts';
import { EXAMPLE_PROMPTS, generateDesign } from '@btb/pattern-engine';
import { loadConfig } from '../config.ts';
import { createDesignsModule, type SeedSample } from '../modules/designs/index.ts';
import { createIdentityModule } from '../modules/identity/index.ts';
import { repeatToPng, svgToPng, thumbnailOf } from '../modules/studio/rendering.ts';
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
  const designs = createDesignsModule(platform, { identity: identity.service, guard: identity.guard });
  const seeder = await identity.service.ensureAccount({
    email: 'gallery-seed@boutique-to-box.local',
    password: `seed-${randomUUID()}`,
    name: 'Boutique-To-Box Studio',
  });

  console.log(`rendering ${artCount} designs with the pattern engine…`);
  const art: SeedSample[] = [];
  for (let i = 0; i < artCount; i++) {
    const prompt = EXAMPLE_PROMPTS[i % EXAMPLE_PROMPTS.length];
    const category = categories[i % categories.length];
    const style = styles[i % styles.length];
    const { spec, tileSvg, previewSvg } = generateDesign({
      prompt,
      category,
      style,
      colors: [],
      seed: 1000 + i,
    });
    const key = (n: string) => `seed/${i}-${spec.seed}/${n}`;
    const repeat = await repeatToPng(tileSvg, 3, 1536, 1536);
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
  await designs.service.seedGallery(seeder, art, total, (n) => process.stdout.write(`\r  ${n}/${total}`));
  console.log(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await platform.close();
}
