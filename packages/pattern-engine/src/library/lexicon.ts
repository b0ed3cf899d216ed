/**
 * What the engine knows of English beyond its own vocabulary, precomputed from WordNet at build time:
 * nouns mapped to something drawable (a synonym, or the nearest broader term), and every WordNet word,
 * so a real word that names nothing drawable can be told from gibberish. Read on first use.
 */
import { readFileSync } from 'node:fs';

interface LexiconFile {
  /** noun -> [drawable phrase, 0 synonym | 1 broader term], or 0: a thing WordNet knows that we can't draw */
  nouns: Record<string, [string, 0 | 1] | 0>;
  words: string;
}

let lexicon: { nouns: LexiconFile['nouns']; words: Set<string> } | undefined;

function load() {
  if (!lexicon) {
    const file = JSON.parse(readFileSync(new URL('./lexicon.json', import.meta.url), 'utf8')) as LexiconFile;
    lexicon = { nouns: file.nouns, words: new Set(file.words.split(' ')) };
  }
  return lexicon;
}

export type NounReading = { phrase: string; broader: boolean } | 'undrawable' | undefined;

export function readNoun(phrase: string): NounReading {
  const hit = load().nouns[phrase];
  if (hit === undefined) return undefined;
  if (hit === 0) return 'undrawable';
  return { phrase: hit[0], broader: hit[1] === 1 };
}

export function isEnglishWord(word: string): boolean {
  return load().words.has(word);
}
