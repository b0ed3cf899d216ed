import { describe, expect, it } from 'vitest';
import { COLOR_NAMES, generateDesign, interpretPrompt } from './index.ts';

const read = (prompt: string, seed = 1) =>
  interpretPrompt({ prompt, category: 'dress', style: 'casual', seed });
const design = (prompt: string, seed = 1) =>
  generateDesign({ prompt, category: 'dress', style: 'casual', colors: [], seed });

describe('things named, drawn from the motif library', () => {
  it('reads a colour phrase as a colour, not as the thing it is named after', () => {
    const spec = read('lemon yellow ducks on navy');
    expect(spec.recognised.colors).toEqual(['lemon yellow', 'navy']);
    expect(spec.motifs).toEqual([expect.objectContaining({ kind: 'drawing', label: 'duck' })]);
    expect(spec.motifs[0].colors).toEqual([COLOR_NAMES['lemon yellow']]);
    expect(spec.palette.background).toBe(COLOR_NAMES.navy);
  });

  it('puts the ground colour where the prompt places it', () => {
    expect(read('grey raincoat with red umbrellas').palette.background).toBe(COLOR_NAMES.grey);
    expect(read('grey raincoat with red umbrellas').motifs[0].colors).toEqual([COLOR_NAMES.red]);
    expect(read('coffee cups on a cream apron').palette.background).toBe(COLOR_NAMES.cream);
  });

  it('finds noun phrases and plurals', () => {
    for (const [prompt, label] of [
      ['hot air balloons', 'hot air balloon'],
      ['mice', 'mouse'],
      ['cacti', 'cactus'],
      ['butterflies', 'butterfly'],
      ['coffee cups', 'coffee cup'],
      ['pizza slices', 'pizza'],
    ]) {
      expect(read(prompt).motifs[0], prompt).toMatchObject({ kind: 'drawing', label });
    }
  });

  it('recolours a drawing to the colour asked and keeps natural colours otherwise', () => {
    const navy = design('navy anchors on white');
    expect(navy.tileSvg).toContain(COLOR_NAMES.navy);
    expect(navy.tileSvg).not.toContain('#00a6ed'); // the anchor's own blue
    expect(design('anchors on white').tileSvg).toContain('#00a6ed');
  });

  it('strokes line drawings in the colour asked', () => {
    const { spec, tileSvg } = design('minimalist line drawing of cats in navy on beige');
    expect(spec.rendering).toBe('line');
    expect(spec.motifs[0].variant).toBe('tabler:cat');
    expect(tileSvg).toContain(`stroke="${COLOR_NAMES.navy}"`);
    expect(spec.palette.colors).toEqual([COLOR_NAMES.navy]);
  });

  it('honours layout words and stays deterministic per seed', () => {
    expect(read('anchors in a grid').layout).toBe('grid');
    expect(read('flamingos in a half drop').layout).toBe('half-drop');
    expect(design('toucans and pineapples', 3).tileSvg).toBe(design('toucans and pineapples', 3).tileSvg);
    expect(design('toucans and pineapples', 3).tileSvg).not.toBe(design('toucans and pineapples', 4).tileSvg);
  });

  it('draws objects a few centimetres across unless the prompt says tiny', () => {
    const size = (prompt: string) =>
      Math.max(
        ...[
          ...design(prompt).tileSvg.matchAll(/translate\([^)]*\)(?: rotate\([^)]*\))? scale\(([\d.]+)\)/g),
        ].map((m) => Number(m[1])),
      );
    expect(size('tiny bees')).toBeLessThan(size('bees'));
    expect(size('bees')).toBeLessThan(size('large bees'));
  });

  it("reads theme words in their garment sense, not as the dictionary's first thing", () => {
    for (const [prompt, named] of [
      ['disco balls on a purple party dress', ['disco balls']],
      ['sailor stripes with navy anchors', ['stripes', 'anchors']],
      ['outer space planets and rockets', ['planets', 'rockets']],
      ['watercolor roses on a cream dress', ['roses']],
      ['snowflakes on a red christmas sweater', ['snowflakes']],
      ['bunnies on a pink pyjama', ['bunnies']],
    ] as const) {
      expect(
        read(prompt).fidelity.motifs.map((m) => m.named),
        prompt,
      ).toEqual(named);
    }
    expect(read('disco balls').motifs[0]).toMatchObject({ variant: 'fluent-emoji-flat:mirror-ball' });
    expect(read('red chili peppers').motifs[0]).toMatchObject({ variant: 'fluent-emoji-flat:hot-pepper' });
  });

  it('inks a dark coloured drawing on a dark ground in a line drawing instead of losing it', () => {
    const { spec, tileSvg } = design('pine trees line drawing on a charcoal tee');
    expect(spec.motifs[0].variant).toBe('fluent-emoji-flat:evergreen-tree');
    const ink = spec.motifs[0].colors![0];
    const trees = [...tileSvg.matchAll(/<g transform="scale\(3\.125\)[\s\S]*?<\/g><\/g>/g)].map((m) => m[0]);
    expect(trees.length).toBeGreaterThan(0);
    for (const tree of trees) expect(tree).toContain(`fill="${ink}"`);
  });
});
