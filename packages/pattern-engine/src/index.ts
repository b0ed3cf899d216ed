import { coloursUsed } from './color.ts';
import { interpretPrompt } from './interpret.ts';
import { creditsFor } from './library/drawings.ts';
import { renderGarmentPreview, renderTile } from './render.ts';
import type { DesignRequest, DesignSpec, MotifSpec } from './types.ts';

export { coloursUsed, meanSaturation } from './color.ts';
export { drawingSets } from './library/drawings.ts';
export { DEFAULT_TILE_SIZE, interpretPrompt } from './interpret.ts';
export {
  renderGarmentPreview,
  renderGarmentPreviewWithImage,
  renderRepeat,
  renderTile,
  renderTileWindow,
} from './render.ts';
export type {
  Category,
  Density,
  DesignRequest,
  DesignSpec,
  Fidelity,
  MotifKind,
  MotifMatch,
  MotifSpec,
  Scale,
  Style,
} from './types.ts';
export { MOTIF_KINDS } from './types.ts';
export { COLOR_NAMES } from './vocabulary.ts';

/** Interpretation gives every drawing motif the id of the drawing it shows. */
function drawingId(motif: MotifSpec): string {
  if (!motif.variant) throw new Error(`a ${motif.kind} motif has no drawing id`);
  return motif.variant;
}

/**
 * One call for the server's built-in generator: interpret, render the tile and the mock-up, then
 * record what was drawn: the palette is the colours in the tile, most used first, and the credits
 * name the drawing sets used.
 */
export function generateDesign(req: DesignRequest): {
  spec: DesignSpec;
  tileSvg: string;
  previewSvg: string;
} {
  const planned = interpretPrompt(req);
  const tileSvg = renderTile(planned);
  const used = coloursUsed(tileSvg).filter((c) => c !== planned.palette.background);
  const spec: DesignSpec = {
    ...planned,
    palette: { background: planned.palette.background, colors: used },
    colors: [planned.palette.background, ...used].slice(0, 5),
    credits: creditsFor(planned.motifs.filter((m) => m.kind === 'drawing').map(drawingId)),
  };
  return { spec, tileSvg, previewSvg: renderGarmentPreview(planned) };
}
export { EXAMPLE_PROMPTS } from './examples.ts';
