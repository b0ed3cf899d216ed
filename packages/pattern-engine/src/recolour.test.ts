import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToHsl, luminance } from './color.ts';
import { COLOR_NAMES, generateDesign, interpretPrompt } from './index.ts';
import { loadDrawing } from './library/drawings.ts';
import { colourWeights, pathArea, recolourDrawing } from './recolour.ts';

const read = (prompt: string) => interpretPrompt({ prompt, category: 'dress', style: 'casual', seed: 1 });
const design = (prompt: string) =>
  generateDesign({ prompt, category: 'dress', style: 'casual', colors: [], seed: 1 });

/** The fills of a recoloured drawing, in paint order. */
const fills = (svg: string) => [...svg.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
const isGreen = (hex: string) => {
  const { h, s } = hexToHsl(hex);
  return h >= 70 && h <= 165 && s > 0.25;
};

describe('recolouring a drawing to the colour asked', () => {
  it('measures parts by the area they cover, not by how long their outline is written', () => {
    expect(pathArea('M0 0H10V10H0Z')).toBe(100);
    expect(pathArea('m0 0l10 0l0 10l-10 0z')).toBe(100);
    // A square with a square hole wound the other way.
    expect(pathArea('M0 0H10V10H0Z M2 2V8H8V2Z')).toBe(64);
  });

  it('gives the colour to the largest part and keeps stems green: a red chili is red, not pink with a red stem', () => {
    const svg = recolourDrawing(loadDrawing('fluent-emoji-flat:hot-pepper'), {
      colours: [COLOR_NAMES.red],
      background: COLOR_NAMES.cream,
      style: 'casual',
      rendering: 'colour',
    });
    const [body, stem] = fills(svg);
    expect(body).toBe(COLOR_NAMES.red);
    expect(isGreen(stem!)).toBe(true);
  });

  it('paints a grey body in the colour asked: pink elephants are pink', () => {
    const svg = recolourDrawing(loadDrawing('fluent-emoji-flat:elephant'), {
      colours: [COLOR_NAMES.pink],
      background: '#ffffff',
      style: 'casual',
      rendering: 'colour',
    });
    const all = fills(svg);
    const pinkish = all.filter((c) => {
      const { h, s } = hexToHsl(c);
      return (h >= 300 || h <= 20) && s > 0.3;
    });
    // Body, ear and tusk in tones of pink; only the eye (ink) stays as drawn.
    expect(pinkish).toContain(COLOR_NAMES.pink);
    expect(pinkish.length).toBe(all.length - 1);
  });

  it('keeps the detail inside a part: a pineapple keeps its two golden tones', () => {
    const svg = recolourDrawing(loadDrawing('fluent-emoji-flat:pineapple'), {
      colours: [],
      background: COLOR_NAMES.coral,
      style: 'casual',
      rendering: 'colour',
    });
    const body = new Set(fills(svg).filter((c) => !isGreen(c)));
    expect(body.size).toBeGreaterThanOrEqual(2);
  });
});

describe('natural colours and the parts of a drawing', () => {
  const natural = (id: string, colours: string[] = []) =>
    fills(
      recolourDrawing(loadDrawing(id), {
        colours,
        background: COLOR_NAMES.cream,
        style: 'casual',
        rendering: 'colour',
      }),
    );
  const violet = (hex: string) => {
    const { h, s } = hexToHsl(hex);
    return h >= 235 && h <= 300 && s >= 0.2;
  };

  it('weighs a part by how much of it shows: the orange wings cover most of the butterfly’s dark base shape', () => {
    const d = loadDrawing('fluent-emoji-flat:butterfly');
    const w = colourWeights(d.body, d.width, d.height);
    // The dark base shape is drawn first and the orange wings over it: seen, it is about half.
    expect(w.get('#533566')!).toBeLessThan(pathArea(/fill="#533566" d="([^"]*)"/.exec(d.body)![1]!));
    expect(w.get('#ff6723')! + w.get('#ff822d')!).toBeGreaterThan(w.get('#533566')! * 0.5);
  });

  it('prints pandas and penguins black and white, not violet, while grapes stay purple', () => {
    expect(natural('fluent-emoji-flat:panda').filter(violet)).toEqual([]);
    expect(natural('fluent-emoji-flat:penguin').filter(violet)).toEqual([]);
    expect(natural('fluent-emoji-flat:grapes').filter(violet).length).toBeGreaterThan(2);
  });

  it('gives the colour asked to the main part only: pink cupcakes keep their blue paper case', () => {
    const colours = natural('fluent-emoji-flat:cupcake', [COLOR_NAMES.pink]);
    expect(colours).toContain(COLOR_NAMES.pink);
    expect(colours.some((c) => hexToHsl(c).h > 200 && hexToHsl(c).h < 240 && hexToHsl(c).s > 0.5)).toBe(true);
  });

  it('draws golden anchors gold, honeycomb in honey tones, and seagulls as white birds', () => {
    expect(read('golden anchors on a navy polo').motifs[0]!.colors).toEqual([COLOR_NAMES.golden]);
    const comb = read('bees and honeycomb on a white apron');
    const cells = comb.motifs.find((m) => m.kind === 'geometric')!.colors!;
    for (const c of cells) expect(hexToHsl(c).h, c).toBeGreaterThanOrEqual(30);
    for (const c of cells) expect(hexToHsl(c).h, c).toBeLessThanOrEqual(50);
    const gulls = read('lighthouses and seagulls on a navy scarf');
    expect(gulls.fidelity.motifs.map((m) => m.named)).toEqual(['lighthouses', 'seagulls']);
    expect(gulls.motifs.map((m) => m.variant)).toContain('fluent-emoji-flat:dove');
  });

  it('paints a one-colour drawing in the colour asked: beige music notes on navy are beige', () => {
    const svg = recolourDrawing(loadDrawing('fluent-emoji-flat:musical-note'), {
      colours: [COLOR_NAMES.beige],
      background: COLOR_NAMES.navy,
      style: 'casual',
      rendering: 'colour',
    });
    expect(fills(svg)).toEqual([COLOR_NAMES.beige]);
    const clovers = read('tossed clovers and hibiscus on a dusty pink shirt');
    expect(clovers.motifs[0]!.variant).toBe('fluent-emoji-flat:four-leaf-clover');
  });

  it('draws tigers and zebras as animals, tiger print as a print, and never draws how a thing is cut', () => {
    expect(read('tigers in the jungle on a green shirt').motifs[0]!.variant).toBe('fluent-emoji-flat:tiger');
    expect(read('olive apron with tiny red zebras').motifs[0]!.kind).toBe('drawing');
    expect(read('tiger print on a black dress').motifs[0]).toMatchObject({
      kind: 'animal',
      variant: 'tiger',
    });
    const avocados = read('avocados cut in half on a yellow shirt');
    expect(avocados.fidelity.motifs.map((m) => m.named)).toEqual(['avocados']);
    // "balls of yarn" are yarn; "tennis rackets and balls" are tennis balls, not rice balls.
    expect(read('balls of yarn on a pink jumper').fidelity.motifs.map((m) => m.named)).toEqual(['yarn']);
    const tennis = read('tennis rackets and balls on a white polo');
    expect(tennis.fidelity.motifs.map((m) => m.named)).toEqual(['tennis rackets', 'tennis balls']);
    expect(tennis.motifs.map((m) => m.variant)).toEqual(['fluent-emoji-flat:tennis']);
    expect(read('footballs and balls on a green shirt').motifs.map((m) => m.variant)).not.toContain(
      'fluent-emoji-flat:rice-ball',
    );
    // A kind of thing draws a few of that kind; irregular plurals find their drawings.
    expect(read('vegetables on a green apron').motifs.map((m) => m.variant)).toEqual([
      'fluent-emoji-flat:carrot',
      'fluent-emoji-flat:broccoli',
      'fluent-emoji-flat:tomato',
    ]);
    expect(read('farm animals on a cream shirt').fidelity.message).toBeNull();
    for (const [prompt, variant] of [
      ['snowmen on a red jumper', 'fluent-emoji-flat:snowman'],
      ['wolves on a grey hoodie', 'fluent-emoji-flat:wolf'],
      ['cacti on a pink dress', 'fluent-emoji-flat:cactus'],
      ['blue and white china plates on a cream dress', 'fluent-emoji-flat:fork-and-knife-with-plate'],
      ['tea pots on a green apron', 'fluent-emoji-flat:teapot'],
    ])
      expect(read(prompt!).motifs.map((m) => m.variant)).toEqual([variant]);
    // A ginger cat is the colour ginger, a bow on a garment is tied, and hanging is not a thing.
    const cat = read('a ginger cat with a red bow on a mint tee');
    expect(cat.motifs.map((m) => m.variant)).toEqual(['fluent-emoji-flat:cat', 'fluent-emoji-flat:ribbon']);
    expect(cat.motifs[0]!.colors).toEqual([COLOR_NAMES.ginger]);
    expect(read('sloths hanging on a green t-shirt').motifs.map((m) => m.variant)).toEqual([
      'fluent-emoji-flat:sloth',
    ]);
    expect(read('horses galloping on a beige scarf').motifs.map((m) => m.variant)).toEqual([
      'fluent-emoji-flat:horse',
    ]);
    // A surfboard has no drawing, and a board (a clapper board) is not one: said, not substituted.
    const beach = read('camper vans and surfboards on sand');
    expect(beach.motifs.map((m) => m.variant)).toEqual(['tabler:camper']);
    expect(beach.fidelity.motifs.find((m) => m.named === 'surfboards')).toMatchObject({
      drawn: null,
      match: 'none',
    });
    // Cranes on a print are birds, not construction cranes; presents are gifts.
    expect(read('red-crowned cranes on ivory').fidelity.motifs).toEqual([
      { named: 'cranes', drawn: 'flamingo', match: 'closest' },
    ]);
    expect(read('christmas trees and presents on red').motifs.map((m) => m.variant)).toEqual([
      'fluent-emoji-flat:christmas-tree',
      'fluent-emoji-flat:wrapped-gift',
    ]);
    expect(read('pastel easter eggs on a mint dress').motifs[0]!.variant).toBe('fluent-emoji-flat:egg');
    expect(read('birds flying over the sea on a blue shirt').fidelity.message).toBeNull();
    // The garment is worn, not drawn: a blazer, a polo, a blanket.
    for (const prompt of [
      'gold anchors on a navy blazer',
      'tennis rackets on a white polo',
      'foxes on a grey blanket',
    ])
      expect(read(prompt).motifs).toHaveLength(1);
    // Nor how many: "stacks of books" are books, not a drawing of a stack.
    expect(read('stacks of books on a mustard cardigan').fidelity.motifs.map((m) => m.named)).toEqual([
      'books',
    ]);
    expect(natural('fluent-emoji-flat:camera').filter(violet)).toEqual([]);
  });

  it("paints waves in their own colours, never another motif's: lighthouses and waves bring no green", () => {
    const sea = design('lighthouses and waves on a navy shirt');
    expect(sea.spec.motifs.map((m) => m.kind)).toEqual(['drawing', 'waves']);
    const strokes = [...sea.tileSvg.matchAll(/stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1]!);
    expect([...fills(sea.tileSvg), ...strokes].filter((c) => isGreen(c!))).toEqual([]);
  });

  it('keeps a drawing that reads by its other parts in its own colours: cream ice cream on a wafer cone, on baby blue', () => {
    const ices = design('ice cream cones on a baby blue dress');
    expect(fills(ices.tileSvg)).toContain('#ffdea7');
  });

  it("draws a coat on a ground as dark as its stripes in the coat's own colour: tiger print on black is orange", () => {
    const tiger = design('tiger print on a black dress');
    const stripes = hexToHsl(tiger.spec.motifs[0]!.colors![0]!);
    expect(stripes.h).toBeGreaterThanOrEqual(15);
    expect(stripes.h).toBeLessThanOrEqual(40);
    expect(stripes.s).toBeGreaterThan(0.5);
    // On its own ground the tiger keeps black stripes on orange.
    expect(luminance(design('tiger print').spec.motifs[0]!.colors![0]!)).toBeLessThan(0.05);
  });

  it('fills the palette of things in their natural colours with their tones: strawberries bring no blue', () => {
    const berries = design('strawberries on a pale pink dress');
    const blue = (c: string) => hexToHsl(c).h >= 190 && hexToHsl(c).h <= 280 && hexToHsl(c).s > 0.3;
    expect(berries.spec.palette.colors.filter(blue)).toEqual([]);
    expect(fills(berries.tileSvg).filter((c) => blue(c!))).toEqual([]);
  });

  it('paints hearts red and stars gold when no colour is asked for them, and lifts a one-tone drawing off its ground', () => {
    const sky = design('tiny hearts and stars on a pink dress');
    const [hearts, stars] = sky.spec.motifs.map((m) => hexToHsl(m.colors![0]!));
    expect(hearts!.h < 15 || hearts!.h > 340).toBe(true);
    expect(stars!.h).toBeGreaterThanOrEqual(35);
    expect(stars!.h).toBeLessThanOrEqual(55);
    const notes = design('music notes on a black t-shirt');
    expect(fills(notes.tileSvg).some((c) => contrastRatio(c!, notes.spec.palette.background) >= 2.9)).toBe(
      true,
    );
  });

  it('keeps the detail of a drawing painted near black: a black dog shows lighter ears and muzzle', () => {
    const dog = recolourDrawing(loadDrawing('fluent-emoji-flat:dog'), {
      colours: [COLOR_NAMES.black],
      background: '#ffffff',
      style: 'casual',
      rendering: 'colour',
    });
    // Greys between the black and white: the parts that were lighter brown than the body.
    expect(
      fills(dog).filter((c) => hexToHsl(c).l > 0.2 && hexToHsl(c).l < 0.8).length,
    ).toBeGreaterThanOrEqual(3);
    expect(fills(dog)).toContain(COLOR_NAMES.black);
  });

  it('keeps the ground free of the colours of two-coloured flowers: red and yellow tulips on a light ground', () => {
    const spec = read('red and yellow tulips on a spring dress');
    expect(spec.palette.background).not.toBe(COLOR_NAMES.red);
    expect(luminance(spec.palette.background)).toBeGreaterThan(0.6);
  });
});

describe('colours the prompt gives each thing', () => {
  it('reads the colour in a thing’s own name: black cats are black', () => {
    const spec = read('black cats and orange pumpkins');
    expect(spec.motifs.map((m) => m.label)).toEqual(['black cat', 'pumpkin']);
    expect(spec.motifs[0]!.colors).toEqual([COLOR_NAMES.black]);
    const cats = design('black cats on a white dress');
    expect(fills(cats.tileSvg).some((c) => luminance(c) < 0.02)).toBe(true);
  });

  it('keeps two-tone motifs within their own colours: red hearts carry no gold, gold stars no red', () => {
    const { tileSvg } = design('red hearts and gold stars on a navy shirt');
    const colours = new Set(fills(tileSvg));
    expect(colours.has(COLOR_NAMES.red)).toBe(true);
    expect(colours.has(COLOR_NAMES.gold)).toBe(true);
    const spec = read('red hearts and gold stars on a navy shirt');
    expect(spec.motifs.map((m) => m.colors)).toEqual([[COLOR_NAMES.red], [COLOR_NAMES.gold]]);
    // Every colour painted is a tone of red or gold, or the navy ground.
    for (const c of colours) {
      const { h } = hexToHsl(c);
      const redTone = h <= 15 || h >= 340;
      const goldTone = h >= 35 && h <= 55;
      expect(redTone || goldTone || c === COLOR_NAMES.navy, c).toBe(true);
    }
  });

  it('moves a colour the shorter way to read on the ground: cherries on red gingham are deep red, not pink', () => {
    const spec = read('cherries on red and white gingham');
    const cherry = spec.motifs.find((m) => m.kind === 'fruit')!.colors![0]!;
    expect(luminance(cherry)).toBeLessThan(luminance(COLOR_NAMES.red));
    expect(contrastRatio(cherry, COLOR_NAMES.red)).toBeGreaterThanOrEqual(1.5);
  });

  it('reads "sea green" as a colour, not as the sea', () => {
    const spec = read('purple octopus on a sea green shirt');
    expect(spec.motifs.map((m) => m.label)).toEqual(['octopus']);
    expect(spec.palette.background).toBe(COLOR_NAMES['sea green']);
  });

  it('reads colours named after things as colours: an apple green shirt has no apples', () => {
    for (const colour of [
      'apple green',
      'ice blue',
      'duck egg blue',
      'pumpkin orange',
      'brick red',
      'storm grey',
    ]) {
      const spec = read(`${colour} shirt with white polka dots`);
      expect(
        spec.motifs.map((m) => m.kind),
        colour,
      ).toEqual(['polka']);
      expect(spec.palette.background, colour).toBe(COLOR_NAMES[colour]);
    }
    expect(read('penguins with scarves on ice blue').motifs.map((m) => m.label)).toEqual(['penguin']);
  });

  it('draws a coral reef, ocean waves and vinyl records as one thing each', () => {
    expect(read('a coral reef with tropical fish on deep blue').motifs.map((m) => m.label)).toEqual([
      'coral reef',
      'tropical fish',
    ]);
    expect(read('ocean waves in teal and white').motifs.map((m) => m.label)).toEqual(['ocean waves']);
    expect(read('vinyl records and headphones on orange').motifs.map((m) => m.label)).toEqual([
      'vinyl records',
      'headphones',
    ]);
  });

  it('knows a sarong is a garment and draws rubber ducks yellow', () => {
    expect(read('a sarong with tropical hibiscus flowers').recognised).not.toHaveProperty('missing', [
      'sarong',
    ]);
    const ducks = design('rubber ducks on a blue shirt');
    expect(
      fills(ducks.tileSvg).some((c) => hexToHsl(c).h >= 40 && hexToHsl(c).h <= 60 && hexToHsl(c).s > 0.6),
    ).toBe(true);
  });
});
