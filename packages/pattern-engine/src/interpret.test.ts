import { describe, expect, it } from 'vitest';
import { meanSaturation } from './color.ts';
import { COLOR_NAMES, type DesignRequest, interpretPrompt, type MotifKind } from './index.ts';

interface Case {
  prompt: string;
  category: DesignRequest['category'];
  style?: DesignRequest['style'];
  colors: string[];
  motifs: MotifKind[];
  background?: string;
}

const HEX = /^#[0-9a-f]{6}$/;

const CASES: Case[] = [
  {
    prompt: 'navy linen summer dress with small coral lemons',
    category: 'dress',
    colors: ['navy', 'coral'],
    motifs: ['fruit'],
    background: 'navy',
  },
  {
    prompt: 'burgundy and mustard paisley scarf',
    category: 'accessories',
    style: 'vintage',
    colors: ['burgundy', 'mustard'],
    motifs: ['paisley'],
    background: 'burgundy',
  },
  { prompt: 'sage green gingham picnic shirt', category: 'shirt', colors: ['sage green'], motifs: ['check'] },
  {
    prompt: 'dusty pink roses on cream vintage tea dress',
    category: 'dress',
    style: 'vintage',
    colors: ['dusty pink', 'cream'],
    motifs: ['floral'],
    background: 'cream',
  },
  {
    prompt: 'tiny white polka dots on black',
    category: 'dress',
    colors: ['white', 'black'],
    motifs: ['polka'],
    background: 'black',
  },
  {
    prompt: 'oversized monstera leaves on emerald green',
    category: 'shirt',
    colors: ['emerald green'],
    motifs: ['leaf'],
    background: 'emerald green',
  },
  {
    prompt: 'forest green and ivory tartan trousers',
    category: 'pants',
    style: 'formal',
    colors: ['forest green', 'ivory'],
    motifs: ['check'],
  },
  { prompt: 'sky blue breton stripes', category: 'shirt', colors: ['sky blue'], motifs: ['stripes'] },
  {
    prompt: 'terracotta and olive geometric triangles tote',
    category: 'accessories',
    colors: ['terracotta', 'olive'],
    motifs: ['geometric'],
  },
  {
    prompt: 'lavender daisies on mint',
    category: 'dress',
    colors: ['lavender', 'mint'],
    motifs: ['floral'],
    background: 'mint',
  },
  {
    prompt: 'charcoal pinstripe trousers',
    category: 'pants',
    style: 'formal',
    colors: ['charcoal'],
    motifs: ['stripes'],
  },
  {
    prompt: 'leopard print dress in camel',
    category: 'dress',
    colors: ['camel'],
    motifs: ['animal'],
    background: 'camel',
  },
  {
    prompt: 'black and white zebra leggings',
    category: 'pants',
    style: 'sporty',
    colors: ['black', 'white'],
    motifs: ['animal'],
  },
  {
    prompt: 'khaki camo joggers',
    category: 'pants',
    style: 'sporty',
    colors: ['khaki'],
    motifs: ['camouflage'],
  },
  {
    prompt: 'cobalt chevron zigzag sports top',
    category: 'shirt',
    style: 'sporty',
    colors: ['cobalt'],
    motifs: ['chevron'],
  },
  {
    prompt: 'teal waves with gold stars',
    category: 'dress',
    colors: ['teal', 'gold'],
    motifs: ['waves', 'stars'],
  },
  {
    prompt: 'hot pink hearts on blush',
    category: 'shirt',
    colors: ['hot pink', 'blush'],
    motifs: ['hearts'],
    background: 'blush',
  },
  {
    prompt: 'red cherries on white',
    category: 'dress',
    colors: ['red', 'white'],
    motifs: ['fruit'],
    background: 'white',
  },
  {
    prompt: 'strawberries and daisies picnic dress',
    category: 'dress',
    colors: [],
    motifs: ['fruit', 'floral'],
  },
  {
    prompt: 'rust and ochre paisley bandana',
    category: 'accessories',
    style: 'vintage',
    colors: ['rust', 'ochre'],
    motifs: ['paisley'],
  },
  { prompt: 'fuchsia tropical palm leaves', category: 'dress', colors: ['fuchsia'], motifs: ['leaf'] },
  {
    prompt: 'midnight blue starry night shirt',
    category: 'shirt',
    colors: ['midnight blue'],
    motifs: ['stars'],
  },
  {
    prompt: 'lilac and butter yellow gingham',
    category: 'dress',
    colors: ['lilac', 'butter yellow'],
    motifs: ['check'],
  },
  {
    prompt: 'olive green hexagons',
    category: 'shirt',
    style: 'formal',
    colors: ['olive green'],
    motifs: ['geometric'],
  },
  {
    prompt: 'peach and teal abstract swirls',
    category: 'dress',
    colors: ['peach', 'teal'],
    motifs: ['waves'],
  },
  {
    prompt: 'mustard polka dot vintage dress',
    category: 'dress',
    style: 'vintage',
    colors: ['mustard'],
    motifs: ['polka'],
  },
  {
    prompt: 'burnt orange sunflowers on navy blue',
    category: 'dress',
    colors: ['burnt orange', 'navy blue'],
    motifs: ['floral'],
    background: 'navy blue',
  },
  {
    prompt: 'snakeskin in taupe and stone',
    category: 'pants',
    colors: ['taupe', 'stone'],
    motifs: ['animal'],
  },
  {
    prompt: 'baby blue clouds of cherry blossoms',
    category: 'dress',
    colors: ['baby blue'],
    motifs: ['floral'],
  },
  {
    prompt: 'crimson and cream plaid scarf',
    category: 'accessories',
    style: 'formal',
    colors: ['crimson', 'cream'],
    motifs: ['check'],
  },
  {
    prompt: 'emerald and gold harlequin diamonds',
    category: 'dress',
    style: 'formal',
    colors: ['emerald', 'gold'],
    motifs: ['geometric'],
  },
  {
    prompt: 'cream shirt with tiny navy anchors and stripes',
    category: 'shirt',
    colors: ['cream', 'navy'],
    motifs: ['stripes'],
    background: 'cream',
  },
  {
    prompt: 'neon green camouflage hoodie',
    category: 'shirt',
    style: 'sporty',
    colors: ['neon green'],
    motifs: ['camouflage'],
  },
  {
    prompt: 'plum velvet dress with scattered gold stars',
    category: 'dress',
    style: 'formal',
    colors: ['plum', 'gold'],
    motifs: ['stars'],
    background: 'plum',
  },
  {
    prompt: 'salmon and seafoam oranges and lemons',
    category: 'dress',
    colors: ['salmon', 'seafoam'],
    motifs: ['fruit'],
  },
  {
    prompt: 'aubergine paisley silk tie',
    category: 'accessories',
    style: 'formal',
    colors: ['aubergine'],
    motifs: ['paisley'],
  },
  {
    prompt: 'turquoise waves on sand',
    category: 'shirt',
    colors: ['turquoise', 'sand'],
    motifs: ['waves'],
    background: 'sand',
  },
  {
    prompt: 'big red hearts on pale pink',
    category: 'dress',
    colors: ['red', 'pale pink'],
    motifs: ['hearts'],
    background: 'pale pink',
  },
  { prompt: 'dense ferns in moss and sage', category: 'dress', colors: ['moss', 'sage'], motifs: ['leaf'] },
  {
    prompt: 'slate and periwinkle windowpane check trousers',
    category: 'pants',
    style: 'formal',
    colors: ['slate', 'periwinkle'],
    motifs: ['check'],
  },
  {
    prompt: 'tangerine and cobalt bauhaus mosaic',
    category: 'accessories',
    colors: ['tangerine', 'cobalt'],
    motifs: ['geometric'],
  },
  {
    prompt: 'ivory roses and blush peonies on sage green',
    category: 'dress',
    style: 'vintage',
    colors: ['ivory', 'blush', 'sage green'],
    motifs: ['floral'],
    background: 'sage green',
  },
  { prompt: 'grey tiger stripes', category: 'pants', colors: ['grey'], motifs: ['animal'] },
  {
    prompt: 'chartreuse diagonal stripes with black polka dots',
    category: 'shirt',
    style: 'sporty',
    colors: ['chartreuse', 'black'],
    motifs: ['stripes', 'polka'],
  },
];

describe('interpretPrompt: test prompts', () => {
  it('has at least 40 prompts', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES)('$prompt', (c) => {
    const spec = interpretPrompt({
      prompt: c.prompt,
      category: c.category,
      style: c.style ?? 'casual',
      seed: 1234,
    });
    const everywhere = new Set([...spec.colors, ...spec.palette.colors, spec.palette.background]);
    for (const name of c.colors) {
      expect(everywhere, `${name} ${COLOR_NAMES[name]}`).toContain(COLOR_NAMES[name]);
      expect(spec.recognised.colors).toContain(name);
    }
    for (const kind of c.motifs) expect(spec.motifs.map((m) => m.kind)).toContain(kind);
    if (c.background) expect(spec.palette.background).toBe(COLOR_NAMES[c.background]);
    // Shape of the record.
    expect(spec.colors.length).toBeLessThanOrEqual(5);
    expect(spec.palette.colors.length).toBeLessThanOrEqual(6);
    for (const hex of [...spec.colors, ...spec.palette.colors, spec.palette.background])
      expect(hex).toMatch(HEX);
    expect(spec.tags.length).toBeLessThanOrEqual(10);
    expect(new Set(spec.tags).size).toBe(spec.tags.length);
    for (const tag of spec.tags) expect(tag).toBe(tag.toLowerCase());
    expect(spec.title.length).toBeGreaterThan(0);
    expect(spec.confidence).toBeGreaterThan(0.5);
    expect(spec.category).toBe(c.category);
  });
});

describe('interpretPrompt: reading', () => {
  const read = (prompt: string, extra: Partial<DesignRequest> = {}) =>
    interpretPrompt({ prompt, category: 'dress', style: 'casual', seed: 7, ...extra });

  it('knows at least 80 fashion colours, all as lowercase hex', () => {
    const names = Object.keys(COLOR_NAMES);
    expect(names.length).toBeGreaterThanOrEqual(80);
    for (const name of [
      'navy',
      'coral',
      'sage',
      'terracotta',
      'mustard',
      'burgundy',
      'dusty pink',
      'forest green',
      'sky blue',
      'ivory',
      'cream',
      'blush',
      'teal',
      'olive',
      'lavender',
      'lilac',
      'charcoal',
      'rust',
      'emerald',
      'mint',
      'ochre',
      'cobalt',
      'fuchsia',
    ]) {
      expect(COLOR_NAMES[name], name).toMatch(HEX);
    }
  });

  it('matches multi-word colours before single words', () => {
    const spec = read('dusty pink and forest green stripes');
    expect(spec.recognised.colors).toEqual(['dusty pink', 'forest green']);
    expect(spec.colors).not.toContain(COLOR_NAMES.pink);
    expect(spec.colors).not.toContain(COLOR_NAMES.green);
  });

  it('binds colours to the motif they precede and the ground they are on', () => {
    const spec = read('navy dress with coral lemons');
    expect(spec.palette.background).toBe(COLOR_NAMES.navy);
    expect(spec.motifs[0]).toMatchObject({ kind: 'fruit', variant: 'lemon' });
    expect(spec.motifs[0].colors?.[0]).toBe(COLOR_NAMES.coral);
    expect(spec.title).toBe('Coral Lemon Dress');
  });

  it('request colours lead spec.colors', () => {
    const spec = read('sage gingham', { colors: ['#AA3355', '#123456'] });
    expect(spec.colors.slice(0, 2)).toEqual(['#aa3355', '#123456']);
    expect(spec.palette.colors.slice(0, 2)).toEqual(['#aa3355', '#123456']);
    expect(spec.colors).toContain(COLOR_NAMES.sage);
  });

  it('reads plurals, variants, scale and density words', () => {
    const spec = read('oversized sparse daisies with scattered cherries');
    expect(spec.motifs.map((m) => m.variant)).toEqual(['daisy', 'cherry']);
    expect(spec.scale).toBe('oversized');
    expect(spec.density).toBe('scattered');
    expect(read('packed tiny hexagons').scale).toBe('tiny');
    expect(read('packed tiny hexagons').density).toBe('dense');
    expect(read('big zigzags').scale).toBe('large');
    expect(read('gingham').motifs[0].variant).toBe('gingham');
    expect(read('zebra').motifs[0]).toMatchObject({ kind: 'animal', variant: 'zebra' });
  });

  it('scores gibberish low and a rich prompt high', () => {
    const gibberish = read('blorp zanth quiv frobnic');
    const rich = read('navy linen summer dress with small coral lemons');
    expect(gibberish.confidence).toBeLessThan(0.2);
    expect(rich.confidence).toBeGreaterThan(0.8);
    expect(read('').confidence).toBe(0);
    expect(read('a shirt with blorp zanth coral').confidence).toBeLessThan(rich.confidence);
  });

  it('fills in a pleasant palette and motif when nothing is named', () => {
    const spec = read('something nice for the weekend');
    expect(spec.motifs.length).toBeGreaterThan(0);
    expect(spec.motifs[0].variant).toBeDefined();
    expect(spec.palette.colors.length).toBeGreaterThanOrEqual(2);
    expect(read('something nice for the weekend', { seed: 8 }).palette).not.toEqual(spec.palette);
  });

  it('tags motifs, colours, mood, style and garment', () => {
    const spec = read('navy linen summer dress with small coral lemons');
    expect(spec.tags).toEqual(
      expect.arrayContaining(['lemons', 'fruit', 'navy', 'coral', 'summer', 'linen', 'casual', 'dress']),
    );
  });

  it('is deterministic', () => {
    expect(read('teal waves with gold stars')).toEqual(read('teal waves with gold stars'));
  });
});

describe('style effects on the palette', () => {
  const prompts = [
    'coral lemons',
    'roses',
    'geometric triangles',
    'teal waves',
    'polka dots',
    'something for summer',
  ];
  it.each(prompts)('vintage is less saturated than sporty: %s', (prompt) => {
    for (const seed of [1, 2, 3]) {
      const vintage = interpretPrompt({ prompt, category: 'dress', style: 'vintage', seed });
      const sporty = interpretPrompt({ prompt, category: 'dress', style: 'sporty', seed });
      expect(meanSaturation(vintage.palette.colors)).toBeLessThan(meanSaturation(sporty.palette.colors));
    }
  });

  it('formal keeps fewer colours than casual', () => {
    const formal = interpretPrompt({ prompt: 'geometric', category: 'shirt', style: 'formal', seed: 3 });
    const casual = interpretPrompt({ prompt: 'geometric', category: 'shirt', style: 'casual', seed: 3 });
    expect(formal.palette.colors.length).toBeLessThan(casual.palette.colors.length);
  });
});
