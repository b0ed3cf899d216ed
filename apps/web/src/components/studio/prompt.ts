import type { Category, Style } from '@btb/contracts';

/** The prompt names its colours: examples set no colour swatches, so the words lead. */
export const examples: Array<{ prompt: string; category: Category; style: Style }> = [
  {
    prompt: 'Navy linen summer dress with small coral lemons',
    category: 'dress',
    style: 'casual',
  },
  {
    prompt: 'Vintage 70s shirt with mustard and rust geometric waves',
    category: 'shirt',
    style: 'vintage',
  },
  {
    prompt: 'Sporty leggings in teal camouflage with neon accents',
    category: 'pants',
    style: 'sporty',
  },
  {
    prompt: 'Formal silk scarf with tiny ivory hearts on burgundy',
    category: 'accessories',
    style: 'formal',
  },
  {
    prompt: 'Soft sage tote with watercolour eucalyptus leaves',
    category: 'accessories',
    style: 'casual',
  },
];

let colorSeq = 0;
export const swatch = (hex: string) => ({ id: ++colorSeq, hex });
export const extraColors = ['#e9c46a', '#4d6b57', '#f5f0e6', '#be185d', '#1c1917'];

const dangling = new Set(['with', 'and', 'in', 'on', 'of', 'a', 'an', 'the', 'for', 'to', 'by', 'or']);

/** A short title from the prompt's first words, never ending on "with" or "and". */
export function titleFromPrompt(prompt: string): string {
  const words = prompt.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  while (words.length > 1 && dangling.has(words[words.length - 1].toLowerCase())) words.pop();
  const title = words.join(' ');
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : '';
}
