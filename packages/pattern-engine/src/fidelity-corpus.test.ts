/**
 * The corpus of everyday prompts (corpus/everyday-prompts.txt) run through the engine: what the person
 * named is drawn, what can't be is said, the palette is the colours in the image, and no saturated
 * colour turns up that nobody asked for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexToHsl, hueDistance, normalizeHex } from './color.ts';
import { COLOR_NAMES, type DesignSpec, generateDesign } from './index.ts';

interface Case {
  prompt: string;
  expect: { thing: string; drawing?: string; none: boolean }[];
}

const corpus: Case[] = readFileSync(new URL('../corpus/everyday-prompts.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [prompt, wanted] = line.split('=>').map((s) => s.trim());
    return {
      prompt,
      expect: wanted.split(',').map((w) => {
        const [thing, drawing] = w.trim().split('=');
        return { thing, drawing: drawing === 'none' ? undefined : drawing, none: drawing === 'none' };
      }),
    };
  });

const results = corpus.map((c) => ({
  ...c,
  ...generateDesign({ prompt: c.prompt, category: 'dress', style: 'casual', colors: [], seed: 1 }),
}));

/** Every paint in an SVG, read independently of the engine: attributes and style properties alike. */
function paintsIn(svg: string): Set<string> {
  const paints = new Set<string>();
  for (const m of svg.matchAll(/(?:fill|stroke|stop-color|color)(?:="|:\s*)([^";>]+)/g)) {
    const value = m[1].trim().toLowerCase();
    if (value === 'none' || value.startsWith('url(') || value === 'currentcolor') continue;
    paints.add(normalizeHex(value) ?? value);
  }
  return paints;
}

/** Was a motif actually used for what the record says was drawn? */
function motifUsed(spec: DesignSpec, drawn: string): boolean {
  const drawing = spec.motifs.find((m) => m.kind === 'drawing' && m.label === drawn);
  if (drawing) {
    const name = drawing.variant!.split(':')[1];
    return spec.credits.some((c) => c.drawings.includes(name));
  }
  return spec.motifs.some((m) => m.kind !== 'drawing');
}

function askedHue(name: string): number | undefined {
  const hex = COLOR_NAMES[name] ?? COLOR_NAMES[name.split(' ').at(-1)!];
  if (!hex) return undefined;
  const { h, s } = hexToHsl(hex);
  return s >= 0.2 ? h : undefined;
}

/** Saturated colours in the palette whose hue is none of the colours named. */
function unaskedColours(spec: DesignSpec): string[] {
  const hues = spec.recognised.colors.map(askedHue).filter((h): h is number => h !== undefined);
  return spec.palette.colors.filter((c) => {
    const { h, s, l } = hexToHsl(c);
    return s >= 0.35 && l >= 0.2 && l <= 0.85 && hues.every((asked) => hueDistance(h, asked) > 30);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('everyday prompts corpus', () => {
  it('has at least 200 prompts across the kinds of things people name', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  it('names every thing in the record, and draws at least 90% of those that can be drawn', () => {
    let wanted = 0;
    let drawn = 0;
    const unnamed: string[] = [];
    const missed: string[] = [];
    for (const { prompt, expect: things, spec } of results) {
      for (const t of things) {
        const entry = spec.fidelity.motifs.find((m) => m.named === t.thing);
        if (!entry) {
          unnamed.push(`${prompt}: ${t.thing}`);
          continue;
        }
        if (t.none) {
          expect(entry, prompt).toEqual({ named: t.thing, drawn: null, match: 'none' });
          expect(spec.fidelity.message, prompt).toContain(`'${t.thing}'`);
          continue;
        }
        wanted++;
        const ok =
          entry.match !== 'none' &&
          entry.drawn !== null &&
          motifUsed(spec, entry.drawn) &&
          (t.drawing === undefined || entry.drawn === t.drawing);
        if (ok) drawn++;
        else missed.push(`${prompt}: ${t.thing} -> ${entry.drawn ?? 'nothing'}`);
        if (entry.match !== 'exact') expect(spec.fidelity.message, prompt).toContain(`'${t.thing}'`);
      }
    }
    console.info(`corpus: ${drawn}/${wanted} named things drawn (${((100 * drawn) / wanted).toFixed(1)}%)`);
    if (missed.length) console.info(`not drawn:\n  ${missed.join('\n  ')}`);
    expect(unnamed).toEqual([]);
    expect(drawn / wanted).toBeGreaterThanOrEqual(0.9);
  });

  it('reports as the palette exactly the colours painted in the tile', () => {
    for (const { prompt, spec, tileSvg } of results) {
      expect(new Set([spec.palette.background, ...spec.palette.colors]), prompt).toEqual(paintsIn(tileSvg));
    }
  });

  it('adds at most one unasked saturated colour (median) when two colours or more are named', () => {
    const counts = results
      .filter(({ spec }) => spec.recognised.colors.length >= 2)
      .map(({ spec }) => unaskedColours(spec).length);
    console.info(
      `unasked colours over ${counts.length} prompts: median ${median(counts)}, max ${Math.max(...counts)}`,
    );
    expect(counts.length).toBeGreaterThan(50);
    expect(median(counts)).toBeLessThanOrEqual(1);
  });
});
