import type { Category, Style } from '@btb/pattern-engine';

export interface TextilePromptInput {
  /** What to paint, in words: the owner's prompt or a model's description of it. */
  description: string;
  motifs: string[];
  /** '#rrggbb' */
  palette: string[];
  category: Category;
  style: Style;
}

const STYLE_WORDS: Record<Style, string> = {
  casual: 'relaxed, friendly',
  formal: 'refined, elegant',
  sporty: 'bold, energetic',
  vintage: 'retro, softly faded',
};

/** Everything that makes the image usable as fabric; kept last so truncation never cuts it. */
const PRINT_RULES =
  'Flat 2D screen-print style artwork filling the whole square edge to edge, tileable so the left edge continues into the right and the top into the bottom, ' +
  'motifs may cross the edges and continue on the opposite side, plain flat background, even lighting, no shadows, no perspective, no photo, no scene. ' +
  'No garment, no clothing, no person or model, no mannequin, no text, no letters, no logo, no watermark, no border, no frame.';

/**
 * The image prompt for a print-ready textile pattern: one seamless, flat repeat of the things the
 * person named, never a photo of a garment. `maxLength` keeps it within the provider's prompt limit.
 */
export function buildTextilePrompt(input: TextilePromptInput, maxLength = 4000): string {
  const named = input.motifs.length > 0 ? input.motifs.join(', ') : 'the things named in the design';
  const motifs =
    input.motifs.length > 0
      ? ` Draw exactly these, each clearly recognisable, never replaced by other objects: ${input.motifs.join(', ')}.`
      : '';
  const colors = input.palette.length > 0 ? ` Colour palette: ${input.palette.join(', ')}.` : '';
  const head = `Seamless repeating fabric pattern: a flat textile repeat of ${named}, scattered across the tile at a size that reads on the garment, print-ready for a ${input.style} ${input.category} (${STYLE_WORDS[input.style]}).`;
  const tail = `${motifs}${colors} ${PRINT_RULES}`;
  const room = maxLength - head.length - tail.length - ' Design: .'.length;
  const description = input.description.trim().replace(/\s+/g, ' ');
  const clipped =
    description.length > room ? `${description.slice(0, Math.max(0, room - 1)).trimEnd()}…` : description;
  return `${head} Design: ${clipped}.${tail}`.slice(0, maxLength);
}
