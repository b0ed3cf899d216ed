import type { Category, Style } from '@btb/pattern-engine';
import type { SeamReport } from './seamless-tile.ts';

export interface GenerationRequest {
  designId: string;
  prompt: string;
  title: string;
  category: Category;
  style: Style;
  /** '#RRGGBB'; may be empty, then the generator chooses the palette. */
  colors: string[];
  seed: number;
}

/** What the prompt was understood as: the same shape whichever provider produced it. */
export interface DesignInterpretation {
  title: string;
  tags: string[];
  colors: string[];
  motifs: string[];
  confidence: number;
}

export type GeneratedArtwork =
  /** Vector: print-ready at any size. `tileSvg` is one seamless repeat tile; `previewSvg` is the garment preview. */
  | { kind: 'vector'; tileSvg: string; previewSvg: string; tileSize: number }
  /** Raster from an AI provider: PNG bytes and their pixel size; `seam` says whether it repeats without a seam. */
  | { kind: 'raster'; png: Buffer; width: number; height: number; seam?: SeamReport };

export interface GeneratedDesign {
  interpretation: DesignInterpretation;
  artwork: GeneratedArtwork;
  /** The model that produced it, e.g. 'builtin-pattern-engine@1' or a provider model id. */
  aiModel: string;
  /** Everything needed to reproduce or explain the result (motifs, palette, seed, scale, model ids...). */
  generationParams: Record<string, unknown>;
}

export type ProgressReporter = (percent: number, message: string) => void;

/** A failure from a provider: retryable ones are tried again with backoff, others fail the design at once. */
export class GeneratorError extends Error {
  constructor(
    message: string,
    readonly options: { retryable: boolean; retryAfterMs?: number; cause?: unknown } = { retryable: true },
  ) {
    super(message, { cause: options.cause });
    this.name = 'GeneratorError';
  }
}

/** Turns a request into a design. Implementations: builtin (pattern engine), openai, runway. */
export interface DesignGenerator {
  readonly name: 'builtin' | 'openai' | 'runway';
  generate(
    request: GenerationRequest,
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<GeneratedDesign>;
}
