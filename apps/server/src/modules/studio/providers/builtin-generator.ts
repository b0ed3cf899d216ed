import { generateDesign } from '@btb/pattern-engine';
import type {
  DesignGenerator,
  GeneratedDesign,
  GenerationRequest,
  ProgressReporter,
} from './design-generator.ts';

export const BUILTIN_MODEL = 'builtin-pattern-engine@1';

/** The offline default: the procedural vector pattern engine. Print-ready at any size. */
export class BuiltinGenerator implements DesignGenerator {
  readonly name = 'builtin' as const;

  async generate(request: GenerationRequest, progress: ProgressReporter): Promise<GeneratedDesign> {
    progress(15, 'Reading your prompt');
    const { spec, tileSvg, previewSvg } = generateDesign({
      prompt: request.prompt,
      category: request.category,
      style: request.style,
      colors: request.colors,
      seed: request.seed,
    });
    progress(45, 'Drawing the repeat');
    return {
      interpretation: {
        title: spec.title,
        tags: spec.tags,
        colors: spec.colors,
        motifs: spec.motifs.map((m) => m.label ?? m.variant ?? m.kind),
        confidence: spec.confidence,
      },
      artwork: { kind: 'vector', tileSvg, previewSvg, tileSize: spec.tileSize },
      aiModel: BUILTIN_MODEL,
      generationParams: {
        seed: spec.seed,
        motifs: spec.motifs,
        palette: spec.palette,
        scale: spec.scale,
        density: spec.density,
        tileSize: spec.tileSize,
        recognised: spec.recognised,
        rendering: spec.rendering,
        layout: spec.layout,
        suggestedTitle: spec.title,
        // What was drawn for each thing named, and whose drawings: the design record reads these.
        fidelity: spec.fidelity,
        credits: spec.credits,
      },
    };
  }
}
