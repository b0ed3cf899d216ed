import { lighten } from '../color.ts';
import { circle, group, path } from '../svg.ts';
import { type MotifBuilder, own, partner } from './context.ts';
import { heartPath } from './shapes.ts';

export const buildHearts: MotifBuilder = (ctx) => {
  const { paint } = ctx;
  const main = own(paint, 0);
  const second = partner(paint, 1);
  const shine = (c: string) =>
    path(
      'M-22,-10C-22,-18 -16,-21 -11,-20',
      'none',
      `stroke="${lighten(c, 0.55)}" stroke-width="3.5" stroke-linecap="round" opacity="0.8"`,
    );
  const glyphs = [
    path(heartPath(38), main) + shine(main),
    path(heartPath(38), second) + shine(second),
    path(heartPath(35), 'none', `stroke="${main}" stroke-width="6"`) + path(heartPath(20), second),
    group(path(heartPath(26), main), 'translate(-14 -10) rotate(-12)') +
      group(path(heartPath(20), second), 'translate(20 18) rotate(14)'),
  ];
  const fillers = [circle(0, 0, 14, second), circle(0, 0, 14, main)];
  return { type: 'scatter', glyphs, rotation: 25, fillers };
};
