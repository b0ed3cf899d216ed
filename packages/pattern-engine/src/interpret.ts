import { darken, hexToHsl, hslToHex, lighten, normalizeHex } from './color.ts';
import { type ColourMention, buildPalette } from './palette.ts';
import { hashString, Rng } from './prng.ts';
import { describeFidelity } from './fidelity.ts';
import { isGibberish, resolveThing } from './library/resolve.ts';
import type {
  Category,
  DesignRequest,
  DesignSpec,
  MotifKind,
  MotifMatch,
  MotifSpec,
  Scale,
  Style,
} from './types.ts';
import {
  COLOR_NAMES,
  CONJUNCTIONS,
  DENSITY_WORDS,
  GARMENT_WORDS,
  GROUND_AFTER,
  GROUND_BEFORE,
  LAYOUT_WORDS,
  LINE_WORDS,
  type Layout,
  MATERIAL_WORDS,
  MOOD_WORDS,
  MOTIF_WORDS,
  PALETTE_MODIFIERS,
  type PaletteModifier,
  SCALE_WORDS,
  STOP_WORDS,
  STYLE_WORDS,
} from './vocabulary.ts';

export const DEFAULT_TILE_SIZE = 512;
const STYLE_LIKE_MOTIFS = new Set(['art deco']);
const ARTICLES = new Set(['a', 'an', 'the']);
const MAX_PHRASE_WORDS = 3;
const MAX_MOTIFS = 4;

type Token =
  | { type: 'color'; name: string; hex: string; words: number }
  | {
      type: 'motif';
      phrase: string;
      kind: MotifKind;
      variant?: string;
      words: number;
      drawn: string;
      match: 'exact' | 'closest';
      drawing?: { colour?: string; line?: string };
    }
  | { type: 'missing'; phrase: string; words: number }
  | { type: 'line'; phrase: string; words: number }
  | { type: 'layout'; phrase: string; value: Layout; words: number }
  | { type: 'scale'; phrase: string; value: Scale; words: number }
  | { type: 'density'; phrase: string; value: DesignSpec['density']; words: number }
  | { type: 'garment'; phrase: string; category: Category; noun: string; words: number }
  | { type: 'style'; phrase: string; value: Style; words: number }
  | { type: 'mood'; phrase: string; words: number }
  | { type: 'palette'; phrase: string; value: PaletteModifier; words: number }
  | { type: 'groundBefore' | 'groundAfter' | 'conj' | 'stop' | 'unknown'; phrase: string; words: number };

function words(prompt: string): string[] {
  return prompt
    .toLowerCase()
    .replace(/colour/g, 'color')
    .replace(/[^a-z0-9&]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

/** Plural and adjective forms that are not listed verbatim ("lemony" is not, "hexagonal" is not). */
function singulars(word: string): string[] {
  const out: string[] = [];
  // Irregular plurals: snowmen, mice, geese, wolves, knives, cacti.
  if (word.endsWith('men')) out.push(`${word.slice(0, -3)}man`);
  if (word.endsWith('ice')) out.push(`${word.slice(0, -3)}ouse`);
  if (word.endsWith('eese')) out.push(`${word.slice(0, -4)}oose`);
  if (word.endsWith('ves')) out.push(`${word.slice(0, -3)}f`, `${word.slice(0, -3)}fe`);
  if (word.endsWith('i')) out.push(`${word.slice(0, -1)}us`);
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}

function lookupPhrase(phrase: string, n: number): Token | undefined {
  const hex = COLOR_NAMES[phrase];
  if (hex) return { type: 'color', name: phrase, hex, words: n };
  const motif = MOTIF_WORDS[phrase];
  if (motif) return { type: 'motif', phrase, ...motif, words: n, drawn: phrase, match: 'exact' };
  const garment = GARMENT_WORDS[phrase];
  if (garment) return { type: 'garment', phrase, ...garment, words: n };
  if (LINE_WORDS.has(phrase)) return { type: 'line', phrase, words: n };
  const layout = LAYOUT_WORDS[phrase];
  if (layout && n > 1) return { type: 'layout', phrase, value: layout, words: n };
  const scale = SCALE_WORDS[phrase];
  if (scale) return { type: 'scale', phrase, value: scale, words: n };
  const density = DENSITY_WORDS[phrase];
  if (density) return { type: 'density', phrase, value: density, words: n };
  const style = STYLE_WORDS[phrase];
  if (style) return { type: 'style', phrase, value: style, words: n };
  if (MOOD_WORDS.has(phrase)) return { type: 'mood', phrase, words: n };
  if (n > 1) return thingToken(phrase, n);
  const modifier = PALETTE_MODIFIERS[phrase];
  if (modifier) return { type: 'palette', phrase, value: modifier, words: 1 };
  if (GROUND_BEFORE.has(phrase)) return { type: 'groundBefore', phrase, words: 1 };
  if (GROUND_AFTER.has(phrase)) return { type: 'groundAfter', phrase, words: 1 };
  if (CONJUNCTIONS.has(phrase)) return { type: 'conj', phrase, words: 1 };
  if (STOP_WORDS.has(phrase)) return { type: 'stop', phrase, words: 1 };
  if (layout) return { type: 'layout', phrase, value: layout, words: 1 };
  return thingToken(phrase, 1) ?? (isGibberish(phrase) ? { type: 'missing', phrase, words: 1 } : undefined);
}

const thingWord = (w: string): boolean => {
  const t = lookupPhrase(w, 1);
  return t?.type === 'motif' || t?.type === 'missing';
};

/** A thing named by a noun phrase: a hand-made family, a drawing from the library, or a noun we can't draw. */
function thingToken(phrase: string, n: number): Token | undefined {
  // "black and white" is a photograph to WordNet, and two colours here.
  if (n > 1 && phrase.split(' ').some((w) => CONJUNCTIONS.has(w) || STOP_WORDS.has(w))) return undefined;
  // A dictionary phrase that starts with our own words ("small white" is a butterfly) is read word by word.
  const plainNoun =
    n === 1 || !phrase.split(' ').some((w) => lookupPhrase(w, 1) !== undefined && !thingWord(w));
  const thing = resolveThing(phrase, plainNoun);
  if (!thing) return undefined;
  if (thing.found === 'none') return { type: 'missing', phrase, words: n };
  if (thing.found === 'family') return { type: 'motif', phrase, ...thing.motif, words: n, ...thing };
  return {
    type: 'motif',
    phrase,
    kind: 'drawing',
    words: n,
    drawn: thing.drawn,
    match: thing.match,
    drawing: { colour: thing.colour, line: thing.line },
  };
}

const VEGETABLES = ['carrot', 'broccoli', 'tomato'];
const SEA_CREATURES = ['fish', 'octopus', 'crab'];
const WOODLAND_ANIMALS = ['fox', 'hedgehog', 'owl'];
const SAFARI_ANIMALS = ['lion', 'elephant', 'giraffe'];
const INSECTS = ['bee', 'ladybug', 'butterfly'];

/** Words for a kind of thing, drawn as a few things of that kind (each a word the library draws). */
export const GROUP_WORDS: Readonly<Record<string, readonly string[]>> = {
  vegetables: VEGETABLES,
  vegetable: VEGETABLES,
  veggies: VEGETABLES,
  'farm animals': ['pig', 'cow', 'sheep'],
  'sea creatures': SEA_CREATURES,
  'sea animals': SEA_CREATURES,
  'sea life': SEA_CREATURES,
  'woodland animals': WOODLAND_ANIMALS,
  'forest animals': WOODLAND_ANIMALS,
  'jungle animals': ['monkey', 'parrot', 'sloth'],
  'safari animals': SAFARI_ANIMALS,
  'zoo animals': SAFARI_ANIMALS,
  insects: INSECTS,
  bugs: INSECTS,
  pastries: ['croissant', 'donut', 'cupcake'],
  desserts: ['cupcake', 'ice cream cone', 'donut'],
  sweets: ['candy', 'lollipop', 'donut'],
  candies: ['candy', 'lollipop'],
};

/** Words that measure out a thing when "of" follows them, and are not the thing. */
const MEASURE_WORDS: ReadonlySet<string> = new Set([
  'ball',
  'balls',
  'bunch',
  'bunches',
  'handful',
  'handfuls',
  'slice',
  'slices',
  'piece',
  'pieces',
]);

/** Greedy longest match, so "dusty pink" wins over "pink" and "cherry blossom" over "cherry". */
export function tokenize(prompt: string): Token[] {
  const ws = words(prompt);
  const tokens: Token[] = [];
  let i = 0;
  while (i < ws.length) {
    let found: Token | undefined;
    // "vegetables", "farm animals": a word for a kind of thing draws a few of that kind.
    const groupWords = GROUP_WORDS[`${ws[i]} ${ws[i + 1]}`] ? 2 : 1;
    const groupPhrase = ws.slice(i, i + groupWords).join(' ');
    const members = GROUP_WORDS[groupPhrase];
    if (members) {
      members.forEach((member, k) => {
        const t = lookupPhrase(member, 1);
        if (t) tokens.push({ ...t, phrase: groupPhrase, words: k === 0 ? groupWords : 0 } as Token);
      });
      i += groupWords;
      continue;
    }
    // "balls of yarn", "bunches of tulips": the thing is what follows "of".
    if (MEASURE_WORDS.has(ws[i]) && ws[i + 1] === 'of' && i + 2 < ws.length) {
      tokens.push({ type: 'stop', phrase: ws[i], words: 1 });
      i += 1;
      continue;
    }
    // "tennis rackets and balls": a thing right after "and" may share the last thing's first word.
    const last = tokens.at(-1);
    const before = tokens.at(-2);
    if (last?.type === 'conj' && before?.type === 'motif' && before.words > 1) {
      const head = before.phrase.split(' ')[0];
      for (const form of [ws[i], ...singulars(ws[i])]) {
        const shared = lookupPhrase(`${head} ${form}`, 1);
        if (shared?.type === 'motif' && shared.kind === 'drawing') {
          found = { ...shared, phrase: `${head} ${ws[i]}`, words: 1 } as Token;
          break;
        }
      }
    }
    for (let n = Math.min(MAX_PHRASE_WORDS, ws.length - i); n >= 1 && !found; n--) {
      found = lookupPhrase(ws.slice(i, i + n).join(' '), n);
    }
    // A plural the dictionary knows but nothing draws ("snowmen") may have a singular that is drawn.
    if (!found || (found.type === 'missing' && found.words === 1)) {
      for (const s of singulars(ws[i])) {
        const t = lookupPhrase(s, 1);
        if (t && (t.type === 'motif' || t.type === 'garment' || t.type === 'mood')) {
          found = { ...t, phrase: ws[i] } as Token;
          break;
        }
      }
    }
    tokens.push(found ?? { type: 'unknown', phrase: ws[i], words: 1 });
    i += found?.words ?? 1;
  }
  // "art deco gold fans": a family that names a style steps back when things are named with it.
  const things = tokens.filter((t) => t.type === 'motif' && !STYLE_LIKE_MOTIFS.has(t.phrase));
  return things.length === 0
    ? tokens
    : tokens.map((t) =>
        t.type === 'motif' && STYLE_LIKE_MOTIFS.has(t.phrase)
          ? { type: 'mood', phrase: t.phrase, words: t.words }
          : t,
      );
}

/** "pale blue", "dark mustard": a palette word right before a colour shifts that colour only. */
function modifyColour(hex: string, mod: PaletteModifier): string {
  const hsl = hexToHsl(hex);
  switch (mod) {
    case 'light':
    case 'pastel':
      return lighten(hex, 0.45);
    case 'dark':
      return darken(hex, 0.35);
    case 'muted':
      return hslToHex({ ...hsl, s: hsl.s * 0.55 });
    case 'bright':
      return hslToHex({ ...hsl, s: Math.min(1, hsl.s * 1.3 + 0.1) });
  }
}

interface Reading {
  mentions: ColourMention[];
  motifs: MotifSpec[];
  motifWords: string[];
  scale?: Scale;
  density?: DesignSpec['density'];
  garment?: { category: Category; noun: string };
  styleWords: string[];
  moods: string[];
  modifiers: PaletteModifier[];
  modifierWords: string[];
  recognisedWords: number;
  contentWords: number;
  /** Each thing named, in prompt order, with the motif drawn for it (-1: not drawn). */
  things: { named: string; drawn: string; match: 'exact' | 'closest'; motifIndex: number }[];
  missing: string[];
  /** Drawing ids per motif index, for the rendering to choose from. */
  drawings: Map<number, { colour?: string; line?: string }>;
  line: boolean;
  layout?: Layout;
}

/** Binds colours to what they describe: "coral lemons" -> motif, "navy dress" / "on cream" -> ground. */
function readTokens(tokens: Token[]): Reading {
  const r: Reading = {
    mentions: [],
    motifs: [],
    motifWords: [],
    styleWords: [],
    moods: [],
    modifiers: [],
    modifierWords: [],
    recognisedWords: 0,
    contentWords: 0,
    things: [],
    missing: [],
    drawings: new Map(),
    line: false,
  };
  let pending: ColourMention[] = [];
  let groundNext = false;
  let group = 0;
  let lastWasMotif = -1;
  let inAfterMotif = -1;

  const flushFree = () => {
    pending = [];
    group++;
  };
  const setBackground = (m: ColourMention) => {
    m.role = r.mentions.some((x) => x.role === 'background') ? 'free' : 'background';
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'stop' && t.type !== 'conj' && t.type !== 'groundBefore' && t.type !== 'groundAfter')
      r.contentWords += t.words;
    if (t.type !== 'unknown' && t.type !== 'stop' && t.type !== 'conj' && t.type !== 'missing') {
      if (t.type !== 'groundBefore' && t.type !== 'groundAfter') r.recognisedWords += t.words;
    }
    switch (t.type) {
      case 'color': {
        let { hex, name } = t;
        const prev = tokens[i - 1];
        if (prev?.type === 'palette') {
          hex = modifyColour(hex, prev.value);
          name = `${prev.phrase} ${name}`;
          // The modifier described this colour, not the palette.
          r.modifiers.pop();
        }
        const mention: ColourMention = { name, hex, role: 'free', group };
        r.mentions.push(mention);
        if (groundNext) {
          setBackground(mention);
          groundNext = false;
        } else if (inAfterMotif >= 0) {
          mention.role = 'motif';
          mention.motifIndex = inAfterMotif;
        } else pending.push(mention);
        lastWasMotif = -1;
        break;
      }
      case 'motif': {
        const same = (m: MotifSpec, j: number) =>
          t.drawing
            ? r.drawings.get(j)?.colour === t.drawing.colour && r.drawings.get(j)?.line === t.drawing.line
            : m.kind === t.kind && m.variant === t.variant;
        let idx = r.motifs.findIndex(same);
        if (idx < 0 && r.motifs.length < MAX_MOTIFS) {
          const spec: MotifSpec = t.variant ? { kind: t.kind, variant: t.variant } : { kind: t.kind };
          if (t.drawing) spec.label = t.drawn;
          r.motifs.push(spec);
          idx = r.motifs.length - 1;
          if (t.drawing) r.drawings.set(idx, t.drawing);
        }
        if (idx < 0) r.missing.push(t.phrase);
        else if (!r.things.some((x) => x.named === t.phrase))
          r.things.push({ named: t.phrase, drawn: t.drawn, match: t.match, motifIndex: idx });
        r.motifWords.push(t.phrase);
        for (const m of pending) {
          m.role = 'motif';
          m.motifIndex = Math.max(0, idx);
        }
        // A colour inside a drawing's name ("black cat") is asked for, unless the prompt gave one.
        const named = t.drawing ? nameColour(t.phrase) : undefined;
        if (named && idx >= 0 && pending.length === 0 && !r.mentions.some((m) => m.motifIndex === idx)) {
          r.mentions.push({ ...named, role: 'motif', motifIndex: idx, group });
        }
        flushFree();
        lastWasMotif = idx;
        inAfterMotif = -1;
        break;
      }
      case 'garment':
        r.garment ??= { category: t.category, noun: t.noun };
        r.modifierWords.push(t.phrase);
        if (pending.length > 0) setBackground(pending[0]);
        flushFree();
        break;
      case 'groundAfter':
        if (pending.length > 0) setBackground(pending[pending.length - 1]);
        flushFree();
        break;
      case 'groundBefore':
        flushFree();
        groundNext = true;
        break;
      case 'scale':
        r.scale = t.value;
        r.modifierWords.push(t.phrase);
        break;
      case 'density':
        r.density = t.value;
        r.modifierWords.push(t.phrase);
        break;
      case 'style':
        r.styleWords.push(t.phrase);
        r.modifierWords.push(t.phrase);
        break;
      case 'mood':
        r.moods.push(t.phrase);
        r.modifierWords.push(t.phrase);
        break;
      case 'palette':
        r.modifiers.push(t.value);
        r.modifierWords.push(t.phrase);
        break;
      case 'conj':
        break;
      case 'line':
        r.line = true;
        r.modifierWords.push(t.phrase);
        break;
      case 'layout':
        r.layout = t.value;
        r.modifierWords.push(t.phrase);
        break;
      case 'missing':
        if (!r.missing.includes(t.phrase)) r.missing.push(t.phrase);
        flushFree();
        groundNext = false;
        break;
      case 'stop':
        // "lemons in coral": a colour after "in" describes the motif just named.
        inAfterMotif = t.phrase === 'in' && lastWasMotif >= 0 ? lastWasMotif : -1;
        flushFree();
        // "a dress in navy": the colour is the ground; "on a cream apron": an article keeps it.
        groundNext =
          (t.phrase === 'in' && tokens[i - 1]?.type === 'garment') || (groundNext && ARTICLES.has(t.phrase));
        continue;
      case 'unknown':
        flushFree();
        groundNext = false;
        break;
    }
    if (t.type !== 'motif') lastWasMotif = -1;
    if (t.type !== 'color') inAfterMotif = -1;
  }
  return r;
}

const DRAWING_LAYOUTS: Layout[] = ['toss', 'toss', 'half-drop', 'grid'];

const DEFAULT_MOTIFS: Record<Style, MotifKind[]> = {
  casual: ['floral', 'polka', 'fruit', 'stars', 'hearts', 'leaf'],
  formal: ['geometric', 'stripes', 'check', 'paisley'],
  sporty: ['chevron', 'stripes', 'camouflage', 'geometric', 'waves'],
  vintage: ['floral', 'paisley', 'polka', 'check'],
};

/** Variants the renderer would otherwise pick, chosen here so the spec records everything used. */
const DEFAULT_VARIANTS: Record<MotifKind, string[]> = {
  floral: ['mixed', 'flower', 'rose', 'daisy', 'blossom'],
  leaf: ['sprig', 'tropical', 'monstera', 'palm'],
  fruit: ['lemon', 'cherry', 'strawberry', 'orange'],
  stripes: ['regular', 'breton', 'candy', 'diagonal'],
  check: ['gingham', 'plaid', 'tartan'],
  polka: ['classic'],
  geometric: ['triangles', 'hexagons', 'diamonds', 'bauhaus'],
  chevron: ['chevron', 'zigzag'],
  paisley: ['classic'],
  animal: ['leopard', 'zebra', 'snake'],
  camouflage: ['woodland'],
  waves: ['waves', 'swirl', 'abstract'],
  stars: ['star', 'sparkle'],
  hearts: ['heart'],
  drawing: [],
};

const KIND_TAG: Record<MotifKind, string> = {
  floral: 'floral',
  leaf: 'botanical',
  fruit: 'fruit',
  stripes: 'stripes',
  check: 'check',
  polka: 'polka dots',
  geometric: 'geometric',
  chevron: 'chevron',
  paisley: 'paisley',
  animal: 'animal print',
  camouflage: 'camo',
  waves: 'waves',
  stars: 'stars',
  hearts: 'hearts',
  drawing: 'illustrated',
};

const VARIANT_TAG: Record<string, string> = {
  lemon: 'lemons',
  cherry: 'cherries',
  strawberry: 'strawberries',
  orange: 'oranges',
  rose: 'roses',
  daisy: 'daisies',
  sunflower: 'sunflowers',
  blossom: 'blossom',
  hibiscus: 'hibiscus',
  tulip: 'tulips',
  monstera: 'monstera',
  palm: 'palm leaves',
  fern: 'ferns',
  tropical: 'tropical',
  gingham: 'gingham',
  plaid: 'plaid',
  tartan: 'tartan',
  windowpane: 'windowpane',
  pinstripe: 'pinstripe',
  breton: 'breton',
  leopard: 'leopard',
  zebra: 'zebra',
  tiger: 'tiger',
  snake: 'snakeskin',
  triangles: 'triangles',
  hexagons: 'hexagons',
  honeycomb: 'honeycomb',
  diamonds: 'diamonds',
  swirl: 'swirls',
  abstract: 'abstract',
  zigzag: 'zigzag',
};

const TITLE_NOUN: Record<string, string> = {
  lemon: 'Lemon',
  cherry: 'Cherry',
  strawberry: 'Strawberry',
  orange: 'Orange',
  rose: 'Rose',
  daisy: 'Daisy',
  sunflower: 'Sunflower',
  blossom: 'Blossom',
  hibiscus: 'Hibiscus',
  tulip: 'Tulip',
  monstera: 'Monstera',
  palm: 'Palm',
  fern: 'Fern',
  tropical: 'Tropical',
  sprig: 'Leaf',
  gingham: 'Gingham',
  plaid: 'Plaid',
  tartan: 'Tartan',
  windowpane: 'Windowpane',
  pinstripe: 'Pinstripe',
  breton: 'Breton',
  leopard: 'Leopard',
  zebra: 'Zebra',
  tiger: 'Tiger',
  snake: 'Snakeskin',
  triangles: 'Triangle',
  hexagons: 'Hexagon',
  honeycomb: 'Honeycomb',
  diamonds: 'Harlequin',
  bauhaus: 'Bauhaus',
  swirl: 'Swirl',
  abstract: 'Abstract',
  zigzag: 'Zigzag',
  sparkle: 'Sparkle',
};

const KIND_TITLE: Record<MotifKind, string> = {
  floral: 'Floral',
  leaf: 'Leaf',
  fruit: 'Fruit',
  stripes: 'Stripe',
  check: 'Check',
  polka: 'Polka Dot',
  geometric: 'Geometric',
  chevron: 'Chevron',
  paisley: 'Paisley',
  animal: 'Animal Print',
  camouflage: 'Camo',
  waves: 'Wave',
  stars: 'Star',
  hearts: 'Heart',
  drawing: 'Illustrated',
};

const CATEGORY_NOUN: Record<Category, string> = {
  dress: 'dress',
  shirt: 'shirt',
  pants: 'trousers',
  accessories: 'tote',
};

const titleCase = (s: string): string =>
  s
    .split(/([\s-])/)
    .map((w) => (w.length > 1 || /[a-z]/.test(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join('');

function defaultScale(category: Category, style: Style, kinds: MotifKind[]): Scale {
  if (kinds.includes('check') || kinds.includes('stripes')) return style === 'formal' ? 'small' : 'medium';
  if (category === 'accessories') return 'medium';
  if (style === 'formal') return 'small';
  return 'medium';
}

/** Understood words over content words, discounted when neither a colour nor a motif was found. */
function scoreConfidence(r: Reading): number {
  if (r.contentWords === 0) return 0;
  const ratio = r.recognisedWords / r.contentWords;
  const anchor = r.mentions.length > 0 || r.motifs.length > 0 ? 1 : 0.6;
  return Math.round(Math.min(1, Math.max(0, ratio * anchor)) * 100) / 100;
}

/** Basic colour terms that, leading a thing's name, say its colour ("black cat", "blue whale"). */
const NAME_COLOURS = new Set([
  'black',
  'white',
  'red',
  'blue',
  'green',
  'yellow',
  'pink',
  'purple',
  'brown',
  'grey',
  'gray',
]);

/** The colour a thing's own name gives it: "black cat" -> black; undefined for "cat" or "coffee cup". */
function nameColour(phrase: string): { name: string; hex: string } | undefined {
  const first = phrase.toLowerCase().split(/\s+/);
  if (first.length < 2 || !NAME_COLOURS.has(first[0])) return undefined;
  const hex = COLOR_NAMES[first[0]];
  return hex ? { name: first[0], hex } : undefined;
}

export function interpretPrompt(req: DesignRequest): DesignSpec {
  const seed = req.seed >>> 0;
  const rng = new Rng(seed).fork(`interpret:${hashString(req.prompt)}`);
  const reading = readTokens(tokenize(req.prompt));
  const { style, category } = req;

  const rendering = reading.line ? 'line' : 'colour';
  const motifs: MotifSpec[] =
    reading.motifs.length > 0
      ? reading.motifs.map((m, i) => {
          const drawing = reading.drawings.get(i);
          if (!drawing) return { ...m };
          const variant =
            rendering === 'line' ? (drawing.line ?? drawing.colour) : (drawing.colour ?? drawing.line);
          return { ...m, variant };
        })
      : [{ kind: rng.pick(DEFAULT_MOTIFS[style]) }];
  for (const m of motifs) m.variant ??= rng.pick(DEFAULT_VARIANTS[m.kind]);
  const hasDrawing = motifs.some((m) => m.kind === 'drawing');
  const layout = reading.layout ?? (hasDrawing ? rng.pick(DRAWING_LAYOUTS) : 'toss');
  const fidelityMotifs: MotifMatch[] = [
    ...reading.things.map(({ named, drawn, match }) => ({ named, drawn, match })),
    ...reading.missing.map((named) => ({ named, drawn: null, match: 'none' as const })),
  ];

  const requestColors = (req.colors ?? [])
    .map((c) => normalizeHex(c))
    .filter((c): c is string => c !== undefined);
  const palette = buildPalette({
    requestColors,
    mentions: reading.mentions,
    motifs,
    style,
    modifiers: reading.modifiers,
    rendering,
    rng: rng.fork('palette'),
  });
  palette.motifColors.forEach((colors, i) => {
    motifs[i].colors = colors;
  });

  const kinds = motifs.map((m) => m.kind);
  const scale = reading.scale ?? defaultScale(category, style, kinds);
  const density = reading.density ?? 'regular';
  const colourNames = [...new Set(reading.mentions.map((m) => m.name))];
  const garmentNoun =
    reading.garment && reading.garment.category === category ? reading.garment.noun : CATEGORY_NOUN[category];

  const tags: string[] = [];
  for (const m of motifs) {
    if (m.label) tags.push(m.label);
    else if (m.variant && VARIANT_TAG[m.variant]) tags.push(VARIANT_TAG[m.variant]);
    if (m.kind !== 'drawing') tags.push(KIND_TAG[m.kind]);
  }
  tags.push(...colourNames, ...reading.moods, style, garmentNoun);
  const uniqueTags = [...new Set(tags.map((t) => t.toLowerCase()))].slice(0, 10);

  const lead = motifs[0];
  const leadColourName =
    reading.mentions.find((m) => m.role === 'motif' && m.motifIndex === 0)?.name ??
    reading.mentions.find((m) => m.role !== 'background')?.name ??
    reading.mentions[0]?.name;
  const material = reading.moods.find((m) => MATERIAL_WORDS.has(m)) ?? reading.moods[0];
  const titleParts = [
    leadColourName ?? (reading.motifs.length === 0 ? style : undefined),
    lead.label ?? (lead.variant && TITLE_NOUN[lead.variant]) ?? KIND_TITLE[lead.kind],
    material,
    garmentNoun,
  ].filter((p): p is string => p !== undefined);

  return {
    title: titleCase(titleParts.join(' ')),
    tags: uniqueTags,
    palette: { background: palette.background, colors: palette.paletteColors },
    colors: palette.recordColors,
    motifs,
    scale,
    density,
    seed,
    tileSize: DEFAULT_TILE_SIZE,
    category,
    style,
    confidence: scoreConfidence(reading),
    recognised: {
      colors: colourNames,
      motifs: reading.motifWords,
      modifiers: [...new Set(reading.modifierWords)],
    },
    rendering,
    layout,
    fidelity: { motifs: fidelityMotifs, message: describeFidelity(fidelityMotifs) },
    credits: [],
  };
}
