import { darken, lighten } from '../color.ts';
import { cellRandom } from '../prng.ts';
import { circle, num, type Pt, polygonPath } from '../svg.ts';
import { mod, periodRange } from '../tile.ts';
import { color, type MotifBuilder, type MotifContext, own, PERIODS_PER_TILE } from './context.ts';

/** Picks a colour (or none) per cell from a hash of the cell index modulo the tile's cell count. */
function cellColour(ctx: MotifContext, choices: readonly (string | null)[], ...ij: number[]): string | null {
  return choices[Math.floor(cellRandom(ctx.seed, ...ij) * choices.length)];
}

function triangles(ctx: MotifContext) {
  const { size, paint } = ctx;
  const n = Math.max(2, PERIODS_PER_TILE[ctx.scale] / 2);
  const cell = size / n;
  const choices = [own(paint, 0), color(paint, 1), color(paint, 2), lighten(own(paint, 0), 0.35), null, null];
  return {
    draw(x0: number, y0: number) {
      let out = '';
      for (const i of periodRange(x0, size, cell, 0)) {
        for (const j of periodRange(y0, size, cell, 0)) {
          const x = i * cell;
          const y = j * cell;
          const flip = mod(i + j, 2) === 0;
          const halves: Pt[][] = flip
            ? [
                [
                  [x, y],
                  [x + cell, y],
                  [x, y + cell],
                ],
                [
                  [x + cell, y],
                  [x + cell, y + cell],
                  [x, y + cell],
                ],
              ]
            : [
                [
                  [x, y],
                  [x + cell, y],
                  [x + cell, y + cell],
                ],
                [
                  [x, y],
                  [x + cell, y + cell],
                  [x, y + cell],
                ],
              ];
          halves.forEach((tri, h) => {
            const fill = cellColour(ctx, choices, mod(i, n), mod(j, n), h);
            if (fill) out += `<path d="${polygonPath(tri)}" fill="${fill}"/>`;
          });
        }
      }
      return out;
    },
  };
}

/** Flat-topped hexagons; rows are squashed slightly so a whole number of them fills the tile. */
function hexagons(ctx: MotifContext) {
  const { size, paint } = ctx;
  const cols = Math.max(2, Math.round(PERIODS_PER_TILE[ctx.scale] / 4) * 2);
  const dx = size / cols;
  const radius = dx / 1.5;
  const rows = Math.max(1, Math.round(size / (Math.sqrt(3) * radius)));
  const dy = size / rows;
  const stroke = own(paint, 0);
  const fills = [color(paint, 1), color(paint, 2), null, null, null];
  return {
    draw(x0: number, y0: number) {
      let out = '';
      for (const i of periodRange(x0, size, dx, radius)) {
        const drop = mod(i, 2) === 1 ? dy / 2 : 0;
        for (const j of periodRange(y0 - drop, size, dy, radius)) {
          const cx = i * dx;
          const cy = j * dy + drop;
          const pts: Pt[] = [];
          for (let k = 0; k < 6; k++) {
            const a = (k * Math.PI) / 3;
            pts.push([
              cx + Math.cos(a) * radius * 0.9,
              cy + Math.sin(a) * (dy / 2) * 0.9 * (2 / Math.sqrt(3)),
            ]);
          }
          const fill = cellColour(ctx, fills, mod(i, cols), mod(j, rows));
          out += `<path d="${polygonPath(pts)}" fill="${fill ?? 'none'}" stroke="${stroke}" stroke-width="${num(Math.max(1.5, radius * 0.08))}"/>`;
          if (!fill) out += circle(cx, cy, radius * 0.12, stroke);
        }
      }
      return out;
    },
  };
}

/** Harlequin diamonds with a thin argyle overstitch. */
function diamonds(ctx: MotifContext) {
  const { size, paint } = ctx;
  const n = Math.max(2, PERIODS_PER_TILE[ctx.scale] / 2);
  const w = size / n;
  // An even row count keeps the two-colour alternation periodic.
  const m = Math.max(2, Math.round(size / (w * 1.5) / 2) * 2);
  const h = size / m;
  const a = own(paint, 0);
  const b = color(paint, 1);
  const line = lighten(color(paint, 2), 0.2);
  return {
    draw(x0: number, y0: number) {
      let out = '';
      for (const i of periodRange(x0, size, w, w)) {
        for (const j of periodRange(y0, size, h, h)) {
          const cx = i * w + w / 2;
          const cy = j * h + h / 2;
          const fill = mod(i + j, 2) === 0 ? a : b;
          out += `<path d="${polygonPath([
            [cx, cy - h / 2],
            [cx + w / 2, cy],
            [cx, cy + h / 2],
            [cx - w / 2, cy],
          ])}" fill="${fill}"/>`;
        }
      }
      // Argyle overcheck: lines x = i*w +- y*w/h through the diamond centres; the family maps onto itself
      // when y moves by a whole tile, because the tile holds a whole number of rows.
      const attrs = `stroke="${line}" stroke-width="${num(Math.max(1, w * 0.025))}" opacity="0.8"`;
      const yA = y0 - h;
      const yB = y0 + size + h;
      const reach = ((size + 2 * h) * w) / h + w;
      for (const i of periodRange(x0, size, w, reach + Math.abs(y0 * (w / h)))) {
        for (const dir of [1, -1]) {
          const xa = i * w + dir * yA * (w / h);
          const xb = i * w + dir * yB * (w / h);
          if (Math.max(xa, xb) < x0 - w || Math.min(xa, xb) > x0 + size + w) continue;
          out += `<path d="M${num(xa)},${num(yA)}L${num(xb)},${num(yB)}" fill="none" ${attrs}/>`;
        }
      }
      return out;
    },
  };
}

/** Bauhaus mosaic: each cell holds a circle, quarter circle, half circle or square. */
function bauhaus(ctx: MotifContext) {
  const { size, paint } = ctx;
  const n = Math.max(2, PERIODS_PER_TILE[ctx.scale] / 2);
  const c = size / n;
  const colours = [own(paint, 0), color(paint, 1), color(paint, 2), darken(own(paint, 0), 0.3)];
  return {
    draw(x0: number, y0: number) {
      let out = '';
      for (const i of periodRange(x0, size, c, 0)) {
        for (const j of periodRange(y0, size, c, 0)) {
          const ci = mod(i, n);
          const cj = mod(j, n);
          const x = i * c;
          const y = j * c;
          const shape = Math.floor(cellRandom(ctx.seed, ci, cj, 1) * 5);
          const fill = colours[Math.floor(cellRandom(ctx.seed, ci, cj, 2) * colours.length)];
          const rot = Math.floor(cellRandom(ctx.seed, ci, cj, 3) * 4) * 90;
          const t = `transform="rotate(${rot} ${num(x + c / 2)} ${num(y + c / 2)})"`;
          if (shape === 0) out += circle(x + c / 2, y + c / 2, c * 0.4, fill);
          else if (shape === 1)
            out += `<path d="M${num(x)},${num(y)}L${num(x + c)},${num(y)}A${num(c)},${num(c)} 0 0 1 ${num(x)},${num(y + c)}Z" fill="${fill}" ${t}/>`;
          else if (shape === 2)
            out += `<path d="M${num(x)},${num(y + c / 2)}A${num(c / 2)},${num(c / 2)} 0 0 1 ${num(x + c)},${num(y + c / 2)}Z" fill="${fill}" ${t}/>`;
          else if (shape === 3)
            out += `<rect x="${num(x + c * 0.15)}" y="${num(y + c * 0.15)}" width="${num(c * 0.7)}" height="${num(c * 0.7)}" fill="${fill}"/>`;
        }
      }
      return out;
    },
  };
}

export const buildGeometric: MotifBuilder = (ctx) => {
  const layer =
    ctx.variant === 'hexagons' || ctx.variant === 'honeycomb'
      ? hexagons(ctx)
      : ctx.variant === 'diamonds'
        ? diamonds(ctx)
        : ctx.variant === 'bauhaus'
          ? bauhaus(ctx)
          : triangles(ctx);
  return { type: 'layer', layer };
};
