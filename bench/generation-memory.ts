/**
 * A child of the bench (`memory-rows.ts`): draws 20 designs with every file the studio makes, in a
 * process of its own, and prints its resident memory before and after as JSON. `BENCH_SHARP_CACHE`
 * (`default`, `off`) chooses libvips' operation cache; the allocator comes from the environment
 * (`MALLOC_ARENA_MAX`).
 */
import { readFile } from 'node:fs/promises';
import { EXAMPLE_PROMPTS, generateDesign } from '@btb/pattern-engine';
import sharp from 'sharp';
import { repeatToPng, svgToPng, thumbnailOf } from '../apps/server/src/modules/studio/rendering.ts';

/** Resident memory of this process (all threads), in MB, from /proc. */
async function rssMb() {
  const status = await readFile('/proc/self/status', 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

if (process.env.BENCH_SHARP_CACHE === 'off') sharp.cache(false);
const before = await rssMb();
const started = performance.now();
for (let i = 0; i < 20; i++) {
  const { tileSvg, previewSvg } = generateDesign({
    prompt: EXAMPLE_PROMPTS[i % EXAMPLE_PROMPTS.length]!,
    category: 'dress',
    style: 'casual',
    colors: [],
    seed: 900 + i,
  });
  const repeat = await repeatToPng(tileSvg, 3, 1536, 1536);
  await Promise.all([svgToPng(previewSvg, 800), thumbnailOf(repeat)]);
}
const ms = (performance.now() - started) / 20;
const after = await rssMb();
process.stdout.write(`${JSON.stringify({ before, after, msPerDesign: ms })}\n`);
process.exit(0);
