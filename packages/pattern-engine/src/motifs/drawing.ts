import { circle } from '../svg.ts';
import { loadDrawing } from '../library/drawings.ts';
import { recolourDrawing } from '../recolour.ts';
import type { MotifBuilder } from './context.ts';

/**
 * A drawing from the motif library, upright with a little tilt (objects read best that way), a
 * mirrored twin for variety, and small dots in its main colour as fillers between them.
 */
export const buildDrawing: MotifBuilder = (ctx) => {
  const drawing = loadDrawing(ctx.variant);
  const svg = recolourDrawing(drawing, {
    colours: ctx.paint.own.filter((c) => c !== ctx.paint.bg && ctx.paint.ownIsAsked),
    background: ctx.paint.bg,
    style: ctx.style,
    rendering: ctx.rendering,
  });
  const filler = ctx.paint.ownIsAsked ? ctx.paint.own[0] : ctx.paint.filler;
  return {
    type: 'scatter',
    glyphs: [svg, `<g transform="scale(-1 1)">${svg}</g>`],
    rotation: 18,
    fillers: filler ? [circle(0, 0, 9, filler), circle(0, 0, 6, filler)] : undefined,
    figurative: true,
  };
};
