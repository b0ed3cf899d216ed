export type Category = 'dress' | 'shirt' | 'pants' | 'accessories';
export type Style = 'casual' | 'formal' | 'sporty' | 'vintage';
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
  | 'hearts';

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
  variant?: string;
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
}
