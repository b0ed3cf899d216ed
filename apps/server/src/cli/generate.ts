/**
 * Try prompts quickly, offline:
 *   npm run generate -- "navy linen dress with small coral lemons" --out ./out [--category dress] [--style casual]
 *                       [--colors "#1f2a44,#ff7f50"] [--seed 42]
 * Writes tile.svg, repeat.png and preview.png and prints the design spec.
 *
 *   npm run generate -- --sheet prompts.txt --out sheet.png [--seed 42]
 * Renders a contact sheet of every prompt in the file (one per line; blank lines and # comments skipped).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { categorySchema, hexColorSchema, styleSchema } from '@btb/contracts';
import { generateDesign } from '@btb/pattern-engine';
import { z } from 'zod';
import { repeatToPng, svgToPng } from '../modules/studio/rendering.ts';
import { renderContactSheet } from './contact-sheet.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: './out' },
    category: { type: 'string', default: 'dress' },
    style: { type: 'string', default: 'casual' },
    colors: { type: 'string', default: '' },
    seed: { type: 'string', default: '1' },
    name: { type: 'string' },
    sheet: { type: 'string' },
  },
});

if (values.sheet) {
  const prompts = (await readFile(values.sheet, 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const out = path.resolve(values.out === './out' ? 'sheet.png' : values.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, renderContactSheet(prompts, Number(values.seed)));
  console.error(`wrote ${path.relative(process.cwd(), out)} (${prompts.length} prompts)`);
  process.exit(0);
}

const input = z
  .object({
    prompt: z.string().trim().min(10, 'the prompt needs at least 10 characters'),
    category: categorySchema,
    style: styleSchema,
    colors: z.array(hexColorSchema).max(5),
    seed: z.coerce.number().int().min(0),
  })
  .safeParse({
    prompt: positionals.join(' '),
    category: values.category,
    style: values.style,
    colors: values.colors ? values.colors.split(',').map((c) => c.trim()) : [],
    seed: values.seed,
  });
if (!input.success) {
  console.error(input.error.issues.map((i) => `${i.path.join('.') || 'prompt'}: ${i.message}`).join('\n'));
  console.error(
    'Usage: npm run generate -- "<prompt>" [--out dir] [--category dress|shirt|pants|accessories] [--style casual|formal|sporty|vintage] [--colors "#rrggbb,..."] [--seed n]',
  );
  process.exit(2);
}

const { spec, tileSvg, previewSvg } = generateDesign(input.data);
const outDir = path.resolve(values.out);
const base = values.name ?? '';
await mkdir(outDir, { recursive: true });
const file = (name: string) => path.join(outDir, base ? `${base}-${name}` : name);
await writeFile(file('tile.svg'), tileSvg);
await writeFile(file('repeat.png'), await repeatToPng(tileSvg, 3, 1536, 1536));
await writeFile(file('preview.png'), await svgToPng(previewSvg, 800));
console.log(JSON.stringify(spec, null, 2));
console.error(
  `\nwrote ${['tile.svg', 'repeat.png', 'preview.png'].map((n) => path.relative(process.cwd(), file(n))).join(', ')}`,
);
