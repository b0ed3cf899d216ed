import { lighten } from '../color.ts';
import { circle, num, path, polygonPath } from '../svg.ts';
import { type MotifBuilder, own, partner } from './context.ts';
import { starPoints } from './shapes.ts';

const sparkle = (r: number) =>
  `M0,${num(-r)}Q0,0 ${num(r)},0Q0,0 0,${num(r)}Q0,0 ${num(-r)},0Q0,0 0,${num(-r)}Z`;

export const buildStars: MotifBuilder = (ctx) => {
  const { paint, variant } = ctx;
  const main = own(paint, 0);
  const second = partner(paint, 1);
  const star = path(polygonPath(starPoints(5, 42, 18)), main, 'stroke-linejoin="round"');
  const starInset =
    path(polygonPath(starPoints(5, 42, 18)), partner(paint, 2)) +
    path(polygonPath(starPoints(5, 24, 10)), lighten(partner(paint, 2), 0.4));
  const spark = path(sparkle(44), second) + circle(0, 0, 4, lighten(second, 0.5));
  const dots = circle(-24, -10, 5, main) + circle(14, 18, 4, second) + circle(22, -22, 3, main);
  const glyphs =
    variant === 'sparkle' ? [spark, spark, path(sparkle(30), main), dots] : [star, star, starInset, spark];
  return { type: 'scatter', glyphs, rotation: variant === 'sparkle' ? 15 : 180, fillers: [dots] };
};
