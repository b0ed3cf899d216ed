import type { MotifMatch } from './types.ts';

const withArticle = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** Plain words for the person when what was drawn is not all that was named; null when it is. */
export function describeFidelity(motifs: readonly MotifMatch[]): string | null {
  const sentences = motifs
    .filter((m) => m.match !== 'exact')
    .map((m) =>
      m.match === 'closest' && m.drawn
        ? `We couldn't draw '${m.named}' exactly — we used ${withArticle(m.drawn)}.`
        : `We couldn't draw '${m.named}'.`,
    );
  return sentences.length > 0 ? sentences.join(' ') : null;
}
