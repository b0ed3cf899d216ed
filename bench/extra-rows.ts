/**
 * Rows measured in-process rather than over HTTP: design generation with the built-in engine and
 * print-size renders, each beside sharp encoding the same raster in the same run, and the event
 * loop's longest stall while they render.
 */
import { EXAMPLE_PROMPTS, generateDesign } from '@btb/pattern-engine';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { repeatToPng, svgToPng, thumbnailOf } from '../apps/server/src/modules/studio/rendering.ts';
import { mockupRows } from './mockup-rows.ts';
import type { Row } from './run.ts';
import { inProcessRow, percentile, time } from './samples.ts';

// Hand-made families and drawings from the motif library, half and half.
const prompts = [...EXAMPLE_PROMPTS.slice(0, 3), ...EXAMPLE_PROMPTS.slice(-3)];

const row = (scenario: string, samples: number[], note: string): Row => inProcessRow(scenario, samples, note);

/** Nanoseconds from a histogram, as milliseconds to one decimal. */
const ms = (ns: number) => Math.round(ns / 1e5) / 10;

/** The pixels of a print file (RGBA), for the baseline to encode again. */
async function raster(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}

/** sharp encoding a raster to PNG with the same settings the print files use. */
const encodeRaster = (image: { pixels: Buffer; width: number; height: number }, dpi: number) =>
  sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .withMetadata({ density: dpi })
    .png({ compressionLevel: 6 })
    .toBuffer();

export async function extraRows(): Promise<Row[]> {
  const runs = Number(process.env.BENCH_RENDER_RUNS ?? 20);
  const rows: Row[] = [];
  console.error('[in-process] generation and rendering');
  // What the studio does per design: engine + repeat PNG (1536 px) + preview (800 px) + thumbnail.
  const drawWithFiles = async (prompt: string, seed: number) => {
    const { tileSvg, previewSvg } = generateDesign({
      prompt,
      category: 'dress',
      style: 'casual',
      colors: [],
      seed,
    });
    const repeat = await repeatToPng(tileSvg, 3, 1536, 1536);
    await Promise.all([svgToPng(previewSvg, 800), thumbnailOf(repeat)]);
  };
  const generation = await time(runs * 2, (i) => drawWithFiles(prompts[i % prompts.length]!, 100 + i));
  rows.push(row('generate a design (built-in engine, all files)', generation, 'per design'));
  // A new prompt in the studio, as its job draws it: every file of four candidates, three side by
  // side, then the one the design shows first.
  const candidatesWithFiles = await time(runs, async (i) => {
    const prompt = prompts[i % prompts.length]!;
    await Promise.all([1, 2, 3].map((c) => drawWithFiles(prompt, 500 + i * 4 + c)));
    await drawWithFiles(prompt, 500 + i * 4);
  });
  rows.push(
    row('4 candidates for one prompt (built-in engine, all files)', candidatesWithFiles, 'per prompt'),
  );
  const engineOnly = await time(runs * 5, async (i) =>
    generateDesign({
      prompt: prompts[i % prompts.length]!,
      category: 'shirt',
      style: 'sporty',
      colors: [],
      seed: 7 + i,
    }),
  );
  rows.push(row('pattern engine only (spec + SVG)', engineOnly, 'per design'));
  // What the studio asks for per prompt: four candidates, one seed each.
  const candidates = await time(runs * 2, async (i) => {
    for (let k = 0; k < 4; k++) {
      generateDesign({
        prompt: prompts[i % prompts.length]!,
        category: 'dress',
        style: 'casual',
        colors: [],
        seed: 1000 + i * 4 + k,
      });
    }
  });
  rows.push(row('4 candidates (built-in engine, spec + SVG)', candidates, 'per prompt'));

  const { tileSvg } = generateDesign({
    prompt: prompts[0]!,
    category: 'dress',
    style: 'casual',
    colors: [],
    seed: 1,
  });
  for (const [w, h] of [
    [1800, 2400],
    [4500, 5400],
  ] as const) {
    const n = w > 2000 ? Math.max(3, Math.floor(runs / 4)) : runs;
    // The render and the baseline take turns, so the machine's drifting load falls on both. Beside
    // each, the event loop's longest stall, sampled every millisecond: while print files render, and
    // while only sharp works (on libvips threads), which is what the machine's load alone costs.
    const image = await raster(await repeatToPng(tileSvg, 4, w, h, 150));
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const baselineDelay = monitorEventLoopDelay({ resolution: 1 });
    const render: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < n; i++) {
      delay.enable();
      render.push(...(await time(1, () => repeatToPng(tileSvg, 4, w, h, 150))));
      delay.disable();
      baselineDelay.enable();
      baseline.push(...(await time(1, () => encodeRaster(image, 150))));
      baselineDelay.disable();
    }
    const ratio = percentile(render, 50) / percentile(baseline, 50);
    rows.push(
      row(
        `print file ${w}×${h} (render + PNG at 150 DPI)`,
        render,
        `${ratio.toFixed(2)}× sharp encoding the same raster (p50 ${Math.round(percentile(baseline, 50))} ms)`,
      ),
    );
    rows.push(row(`sharp encode the same ${w}×${h} raster (baseline)`, baseline, 'baseline'));
    rows.push({
      mode: 'in-process',
      scenario: `event-loop delay while rendering ${w}×${h} print files`,
      reqPerSec: 0,
      p50Ms: ms(delay.percentile(50)),
      p99Ms: ms(delay.percentile(99)),
      errors: 0,
      non2xx: 0,
      note: `max ${ms(delay.max)} ms (${ms(baselineDelay.max)} ms while sharp encodes the same raster)`,
    });
  }
  rows.push(...(await mockupRows(runs)));
  return rows;
}
