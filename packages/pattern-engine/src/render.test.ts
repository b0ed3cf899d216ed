import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import {
  type Category,
  generateDesign,
  interpretPrompt,
  MOTIF_KINDS,
  renderGarmentPreview,
  renderRepeat,
  renderTile,
} from './index.ts';

const CATEGORIES: Category[] = ['dress', 'shirt', 'pants', 'accessories'];
const KIND_PROMPTS: Record<(typeof MOTIF_KINDS)[number], string> = {
  floral: 'roses',
  leaf: 'tropical leaves',
  fruit: 'lemons',
  stripes: 'stripes',
  check: 'plaid',
  polka: 'polka dots',
  geometric: 'geometric',
  chevron: 'chevron',
  paisley: 'paisley',
  animal: 'animal print',
  camouflage: 'camo',
  waves: 'waves',
  stars: 'stars',
  hearts: 'hearts',
  drawing: 'cats',
};

/** Self-contained SVG: nothing fetched, no fonts, no scripts. */
function expectSelfContained(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toMatch(/<image|<text|<script|font-family|href="http|NaN|undefined|Infinity/);
}

describe('rendering', () => {
  it.each(CATEGORIES)('%s preview renders at 800x1000', (category) => {
    const { spec, previewSvg, tileSvg } = generateDesign({
      prompt: 'coral lemons on navy',
      category,
      style: 'casual',
      seed: 11,
    });
    expect(spec.category).toBe(category);
    expectSelfContained(previewSvg);
    expectSelfContained(tileSvg);
    const img = new Resvg(previewSvg).render();
    expect([img.width, img.height]).toEqual([800, 1000]);
    // The print is visible: the centre pixel is not the backdrop.
    const px = img.pixels;
    const i = (500 * 800 + 400) * 4;
    expect([px[i], px[i + 1], px[i + 2]]).not.toEqual([0xee, 0xeb, 0xe6]);
  });

  it.each(MOTIF_KINDS)('%s renders a full tile that is not blank', (kind) => {
    const spec = interpretPrompt({
      prompt: KIND_PROMPTS[kind],
      category: 'dress',
      style: 'casual',
      seed: 21,
    });
    expect(spec.motifs[0].kind).toBe(kind);
    const svg = renderTile(spec);
    expectSelfContained(svg);
    expect(svg).toContain(
      `width="${spec.tileSize}" height="${spec.tileSize}" viewBox="0 0 ${spec.tileSize} ${spec.tileSize}"`,
    );
    const img = new Resvg(svg).render();
    expect(img.width).toBe(spec.tileSize);
    // Read the pixel buffer once: each access of the getter copies it.
    const px = img.pixels;
    const colours = new Set<number>();
    for (let p = 0; p < px.length; p += 4 * 97) colours.add((px[p] << 16) | (px[p + 1] << 8) | px[p + 2]);
    expect(colours.size).toBeGreaterThanOrEqual(2);
  });

  it('renders print files at any size', () => {
    const spec = interpretPrompt({
      prompt: 'sage gingham with daisies',
      category: 'dress',
      style: 'casual',
      seed: 4,
    });
    const svg = renderRepeat(spec, 6, 1800, 2400);
    expectSelfContained(svg);
    expect(svg).toContain('<pattern');
    const img = new Resvg(svg).render();
    expect([img.width, img.height]).toEqual([1800, 2400]);
    expect(() => renderRepeat(spec, 0, 100, 100)).toThrow(RangeError);
  });

  it('rounds coordinates to two decimals (scale factors to three)', () => {
    const svg = renderTile(
      interpretPrompt({ prompt: 'paisley and roses', category: 'dress', style: 'vintage', seed: 9 }),
    );
    expect(svg.replace(/scale\([\d.]+\)/g, '')).not.toMatch(/\d\.\d{3,}/);
    expect(svg).not.toMatch(/\d\.\d{4,}/);
  });
});

describe('determinism', () => {
  const req = {
    prompt: 'navy linen summer dress with small coral lemons',
    category: 'dress' as const,
    style: 'casual' as const,
    seed: 12345,
  };

  it('same prompt and seed give byte-identical SVG', () => {
    const a = generateDesign(req);
    const b = generateDesign(req);
    expect(a.tileSvg).toBe(b.tileSvg);
    expect(a.previewSvg).toBe(b.previewSvg);
    expect(renderRepeat(a.spec, 4, 4500, 5400)).toBe(renderRepeat(b.spec, 4, 4500, 5400));
  });

  it.each(Object.values(KIND_PROMPTS))('different seeds give different SVG: %s', (prompt) => {
    const a = generateDesign({ ...req, prompt, seed: 1 });
    const b = generateDesign({ ...req, prompt, seed: 2 });
    expect(a.tileSvg).not.toBe(b.tileSvg);
  });

  it('renderGarmentPreview depends only on the spec', () => {
    const spec = interpretPrompt(req);
    expect(renderGarmentPreview(structuredClone(spec))).toBe(renderGarmentPreview(spec));
  });
});
