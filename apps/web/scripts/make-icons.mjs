// Run once: node apps/web/scripts/make-icons.mjs — renders the SVG favicon to the PNG icons the manifest names.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = dirname(fileURLToPath(import.meta.url));
const pub = join(here, '..', 'public');
const svg = readFileSync(join(pub, 'favicon.svg'));
for (const size of [192, 512]) {
  await sharp(svg, { density: 600 })
    .resize(size, size)
    .png()
    .toFile(join(pub, 'icons', `icon-${size}.png`));
}
await sharp(svg, { density: 600 })
  .resize(180, 180)
  .png()
  .toFile(join(pub, 'icons', 'apple-touch-icon.png'));
// Maskable: the mark inside the safe zone on a full-bleed background.
const inner = await sharp(svg, { density: 600 }).resize(360, 360).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#1c1917' } })
  .composite([{ input: inner, gravity: 'center' }])
  .png()
  .toFile(join(pub, 'icons', 'icon-maskable-512.png'));
console.log('icons written');
