import type { ArtCredit } from './library/drawings.ts';
import type { Layout } from './vocabulary.ts';

import type { Category, Style } from '@btb/contracts/enums';

export type { Category, Style };
export type Scale = 'tiny' | 'small' | 'medium' | 'large' | 'oversized';
export type Density = 'sparse' | 'scattered' | 'regular' | 'dense';

export type MotifKind =
  | 'floral'
  | 'leaf'
  | 'fruit'
  | 'stripes'
  | 'check'
  | 'polka'
  | 'geometric'
  | 'chevron'
  | 'paisley'
  | 'animal'
  | 'camouflage'
  | 'waves'
  | 'stars'
  | 'hearts'
  | 'drawing';

export const MOTIF_KINDS: readonly MotifKind[] = [
  'floral',
  'leaf',
  'fruit',
  'stripes',
  'check',
  'polka',
  'geometric',
  'chevron',
  'paisley',
  'animal',
  'camouflage',
  'waves',
  'stars',
  'hearts',
  'drawing',
];

export interface DesignRequest {
  prompt: string;
  category: Category;
  style: Style;
  /** '#RRGGBB' colours picked in the UI; may be empty. */
  colors?: string[];
  /** uint32 */
  seed: number;
}

export interface MotifSpec {
  kind: MotifKind;
  /** For drawings, the drawing's id in the motif library ("fluent-emoji-flat:cat"). */
  variant?: string;
  /** For drawings, what it is in words ("cat"). */
  label?: string;
  /** Colours bound to this motif (e.g. "coral lemons"), lowercase hex. The renderer fills the rest from the palette. */
  colors?: string[];
}

export interface DesignSpec {
  title: string;
  tags: string[];
  palette: { background: string; colors: string[] };
  colors: string[];
  motifs: MotifSpec[];
  scale: Scale;
  density: Density;
  seed: number;
  tileSize: number;
  category: Category;
  style: Style;
  confidence: number;
  recognised: { colors: string[]; motifs: string[]; modifiers: string[] };
  /** Coloured illustrations, or outlines stroked in one colour ("line drawing", "minimalist"). */
  rendering: 'colour' | 'line';
  layout: Layout;
  /** For each thing the prompt names, what was drawn for it; a message when that is not all. */
  fidelity: Fidelity;
  /** Open drawing sets used, with their licences. Filled in by generateDesign once drawn. */
  credits: ArtCredit[];
}

export interface MotifMatch {
  named: string;
  drawn: string | null;
  match: 'exact' | 'closest' | 'none';
}

export interface Fidelity {
  motifs: MotifMatch[];
  message: string | null;
}
