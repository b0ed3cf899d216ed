import { interpretPrompt } from './interpret.ts';
import { renderGarmentPreview, renderTile } from './render.ts';
import type { DesignRequest, DesignSpec } from './types.ts';

export { meanSaturation } from './color.ts';
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
  MotifKind,
  MotifSpec,
  Scale,
  Style,
} from './types.ts';
export { MOTIF_KINDS } from './types.ts';
export { COLOR_NAMES } from './vocabulary.ts';

/** One call for the server's built-in generator: interpret, then render the tile and the mock-up. */
export function generateDesign(req: DesignRequest): {
  spec: DesignSpec;
  tileSvg: string;
  previewSvg: string;
} {
  const spec = interpretPrompt(req);
  return { spec, tileSvg: renderTile(spec), previewSvg: renderGarmentPreview(spec) };
}
export { EXAMPLE_PROMPTS } from './examples.ts';
