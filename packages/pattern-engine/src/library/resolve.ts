import { MOTIF_WORDS, type MotifWord } from '../vocabulary.ts';
import { drawingsFor } from './drawings.ts';
import { isEnglishWord, readNoun } from './lexicon.ts';

/** What the engine will draw for a thing the prompt names. */
export type Thing =
  | { found: 'family'; motif: MotifWord; drawn: string; match: 'exact' | 'closest' }
  | { found: 'drawing'; colour?: string; line?: string; drawn: string; match: 'exact' | 'closest' }
  | { found: 'none' };

const IRREGULAR: Record<string, string> = {
  mice: 'mouse',
  geese: 'goose',
  cacti: 'cactus',
  fungi: 'fungus',
  octopi: 'octopus',
  knives: 'knife',
  wolves: 'wolf',
  loaves: 'loaf',
  children: 'child',
  teeth: 'tooth',
  feet: 'foot',
  oxen: 'ox',
  dice: 'die',
};

/** The phrase and its singular readings, last word only ("hot air balloons" -> "hot air balloon"). */
export function singularForms(phrase: string): string[] {
  const at = phrase.lastIndexOf(' ') + 1;
  const head = phrase.slice(0, at);
  const word = phrase.slice(at);
  const out = [phrase];
  if (IRREGULAR[word]) out.push(head + IRREGULAR[word]);
  if (word.endsWith('ies')) out.push(`${head}${word.slice(0, -3)}y`);
  if (word.endsWith('ves')) out.push(`${head}${word.slice(0, -3)}f`, `${head}${word.slice(0, -3)}fe`);
  if (word.endsWith('es')) out.push(head + word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) out.push(head + word.slice(0, -1));
  return out;
}

function drawable(phrase: string, match: 'exact' | 'closest'): Thing | undefined {
  const motif = MOTIF_WORDS[phrase];
  if (motif) return { found: 'family', motif, drawn: phrase, match };
  const drawings = drawingsFor(phrase);
  return drawings && { found: 'drawing', ...drawings, drawn: phrase, match };
}

/**
 * Words that classify the noun before them ("lotus flowers", "pizza slices"): the thing is the noun
 * before, drawn whole. Leaves are the exception: an oak leaf is a leaf before it is an oak.
 */
const CLASSIFIERS = new Set(['flower', 'slice', 'cone', 'blossom', 'bloom']);
const HEAD_FIRST = new Set(['leaf']);

/**
 * A noun phrase as typed ("toucans", "coffee cups") to a drawing: its own name, a synonym
 * ("automobile" -> car), or the nearest broader term ("toucan" -> bird). Undefined when the phrase
 * is not a thing at all (an adjective, a verb).
 */
export function resolveThing(phrase: string, plainNoun = true): Thing | undefined {
  const forms = singularForms(phrase);
  // Our own names first, over every singular reading ("clocks" is a plant to WordNet, a clock to us).
  for (const form of forms) {
    const motif = MOTIF_WORDS[form];
    const direct = drawingsFor(form);
    // "Tigers" and "zebras" are the animals; "tiger" and "zebra" alone are their prints.
    if (motif?.kind === 'animal' && form !== phrase && direct)
      return { found: 'drawing', ...direct, drawn: form, match: 'exact' };
    if (motif) return { found: 'family', motif, drawn: form, match: 'exact' };
    if (direct) return { found: 'drawing', ...direct, drawn: form, match: 'exact' };
  }
  const compound = resolveCompound(phrase);
  if (compound) return compound;
  // "cream cheese" on its own is a food; in a prompt that names colours, it is cream-coloured cheese.
  if (!plainNoun) return undefined;
  let undrawable = false;
  for (const form of forms) {
    const noun = readNoun(form);
    if (noun === 'undrawable') undrawable = true;
    else if (noun) {
      const thing = drawable(noun.phrase, noun.broader ? 'closest' : 'exact');
      if (thing) return thing;
    }
  }
  return undrawable ? { found: 'none' } : undefined;
}

function resolveCompound(phrase: string): Thing | undefined {
  const at = phrase.lastIndexOf(' ');
  if (at < 0) return undefined;
  const head = singularForms(phrase.slice(at + 1)).find((w) => CLASSIFIERS.has(w) || HEAD_FIRST.has(w));
  if (!head) return undefined;
  // Only when the words before name a thing themselves ("lavender monstera leaves" is not an oak leaf).
  const thing = resolveThing(phrase.slice(0, at));
  if (!thing || thing.found === 'none') return undefined;
  if (!HEAD_FIRST.has(head)) return thing;
  const whole = resolveThing(head);
  return whole && whole.found !== 'none' ? { ...whole, match: 'closest' } : undefined;
}

/** A word no dictionary knows ("xqzv"): worth telling the person we could not draw it. */
export const isGibberish = (word: string): boolean =>
  word.length >= 3 && /^[a-z]+$/.test(word) && !singularForms(word).some(isEnglishWord);
