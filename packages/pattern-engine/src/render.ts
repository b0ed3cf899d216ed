import { darken, mix } from './color.ts';
import { GARMENTS } from './garments.ts';
import { buildLayers } from './motifs/index.ts';
import { num } from './svg.ts';
import { drawWindow } from './tile.ts';
import type { Category, DesignSpec } from './types.ts';

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';

/** The print plane seen through a tile-sized window at (x0, y0); the tile itself is the window at the origin. */
function tileBody(spec: DesignSpec, x0 = 0, y0 = 0): string {
  return drawWindow(spec.palette.background, buildLayers(spec), spec.tileSize, x0, y0);
}

/**
 * Renders the window at (x0, y0) of the infinite repeat. With the seam-free wrap logic this matches the
 * matching crop of renderRepeat, which is what the seam tests check.
 */
export function renderTileWindow(spec: DesignSpec, x0: number, y0: number): string {
  const t = spec.tileSize;
  return `<svg ${SVG_NS} width="${t}" height="${t}" viewBox="0 0 ${t} ${t}">${tileBody(spec, x0, y0)}</svg>`;
}

export function renderTile(spec: DesignSpec): string {
  return renderTileWindow(spec, 0, 0);
}

function patternDef(spec: DesignSpec, id: string, tilePx: number, x = 0, y = 0): string {
  const k = tilePx / spec.tileSize;
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" x="${num(x)}" y="${num(y)}" width="${num(tilePx)}" height="${num(tilePx)}">` +
    `<g transform="scale(${Math.round(k * 1e6) / 1e6})">${tileBody(spec)}</g></pattern>`
  );
}

/** Print file: the tile repeated `tilesAcross` times over the width, at any pixel size. */
export function renderRepeat(
  spec: DesignSpec,
  tilesAcross: number,
  widthPx: number,
  heightPx: number,
): string {
  if (!(tilesAcross > 0) || !(widthPx > 0) || !(heightPx > 0)) {
    throw new RangeError('renderRepeat needs positive tilesAcross, widthPx and heightPx');
  }
  const tilePx = widthPx / tilesAcross;
  return (
    `<svg ${SVG_NS} width="${num(widthPx)}" height="${num(heightPx)}" viewBox="0 0 ${num(widthPx)} ${num(heightPx)}">` +
    `<defs>${patternDef(spec, 'btb-repeat', tilePx)}</defs>` +
    `<rect width="${num(widthPx)}" height="${num(heightPx)}" fill="url(#btb-repeat)"/></svg>`
  );
}

/** Flat-lay mock-up: the print clipped to the garment, with soft shading and seams on a neutral backdrop. */
export function renderGarmentPreview(spec: DesignSpec): string {
  return garmentPreview(spec.category, spec.palette.background, (id, tilePx, x, y) =>
    patternDef(spec, id, tilePx, x, y),
  );
}

/**
 * The same mock-up for a print that is an image (a raster tile from an AI provider): `imageHref`
 * is repeated as the pattern, `background` (its dominant colour) tints the straps and linings.
 */
export function renderGarmentPreviewWithImage(
  category: Category,
  imageHref: string,
  background: string,
): string {
  return garmentPreview(
    category,
    background,
    (id, tilePx, x, y) =>
      `<pattern id="${id}" patternUnits="userSpaceOnUse" x="${num(x)}" y="${num(y)}" width="${num(tilePx)}" height="${num(tilePx)}">` +
      `<image href="${imageHref.replaceAll('"', '%22')}" width="${num(tilePx)}" height="${num(tilePx)}" preserveAspectRatio="xMidYMid slice"/></pattern>`,
  );
}

type PrintPatternDef = (id: string, tilePx: number, x: number, y: number) => string;

function garmentPreview(category: Category, bg: string, printDef: PrintPatternDef): string {
  const g = GARMENTS[category];
  const W = 800;
  const H = 1000;
  const line = mix(darken(bg, 0.6), '#222222', 0.6);
  const defs =
    '<linearGradient id="btb-backdrop" x1="0" y1="0" x2="0" y2="1">' +
    '<stop offset="0" stop-color="#f5f3ef"/><stop offset="1" stop-color="#e7e3dc"/></linearGradient>' +
    '<radialGradient id="btb-shadow"><stop offset="0" stop-color="#000" stop-opacity="0.22"/>' +
    '<stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>' +
    '<linearGradient id="btb-shade" x1="0" y1="0" x2="1" y2="0">' +
    '<stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="0.22" stop-color="#000" stop-opacity="0"/>' +
    '<stop offset="0.45" stop-color="#fff" stop-opacity="0.12"/><stop offset="0.7" stop-color="#000" stop-opacity="0"/>' +
    '<stop offset="1" stop-color="#000" stop-opacity="0.24"/></linearGradient>' +
    '<linearGradient id="btb-drop" x1="0" y1="0" x2="0" y2="1">' +
    '<stop offset="0" stop-color="#fff" stop-opacity="0.08"/><stop offset="1" stop-color="#000" stop-opacity="0.12"/></linearGradient>' +
    `<clipPath id="btb-clip"><path d="${g.outline}"/></clipPath>` +
    printDef('btb-print', g.tilePx, W / 2 - g.tilePx / 2, 0);
  const folds = g.folds
    .map(
      (d) =>
        `<path d="${d}" fill="none" stroke="#000" stroke-opacity="0.05" stroke-width="22" stroke-linecap="round"/>` +
        `<path d="${d}" fill="none" stroke="#fff" stroke-opacity="0.06" stroke-width="8" stroke-linecap="round" transform="translate(9 0)"/>`,
    )
    .join('');
  const seams = g.seams
    .map(
      (d) =>
        `<path d="${d}" fill="none" stroke="${line}" stroke-opacity="0.35" stroke-width="2" stroke-dasharray="6 5" stroke-linecap="round"/>`,
    )
    .join('');
  const strap = (d: string, shade: number) =>
    `<path d="${d}" fill="none" stroke="${line}" stroke-opacity="0.5" stroke-width="30" stroke-linecap="round"/>` +
    `<path d="${d}" fill="none" stroke="${darken(bg, shade)}" stroke-width="26" stroke-linecap="round"/>`;
  const behind = g.behind
    ? category === 'accessories'
      ? strap(g.behind, 0.3)
      : `<path d="${g.behind}" fill="url(#btb-print)"/><path d="${g.behind}" fill="#000" fill-opacity="0.3"/>`
    : '';
  return (
    `<svg ${SVG_NS} width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs>${defs}</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#btb-backdrop)"/>` +
    `<ellipse cx="400" cy="${g.bottom + 18}" rx="300" ry="34" fill="url(#btb-shadow)"/>` +
    behind +
    `<path d="${g.outline}" fill="url(#btb-print)"/>` +
    `<g clip-path="url(#btb-clip)"><rect width="${W}" height="${H}" fill="url(#btb-shade)"/>` +
    `<rect width="${W}" height="${H}" fill="url(#btb-drop)"/>${folds}${seams}</g>` +
    `<path d="${g.outline}" fill="none" stroke="${line}" stroke-opacity="0.55" stroke-width="2.5" stroke-linejoin="round"/>` +
    (g.front ? strap(g.front, 0.15) : '') +
    '</svg>'
  );
}
