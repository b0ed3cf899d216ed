import { mockupSvg, PREVIEW_PRODUCT, PRODUCT_GEOMETRY, type TileContent } from '@btb/contracts';
import { darken } from './color.ts';
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

/**
 * The studio's preview: the design on the product that its category is sold as, drawn with the
 * catalogue's product geometry (so a shirt shows the t-shirt's front print, as ordered).
 */
export function renderGarmentPreview(spec: DesignSpec): string {
  return garmentPreview(
    spec.category,
    spec.palette.background,
    (tilePx) =>
      `<g transform="scale(${Math.round((tilePx / spec.tileSize) * 1e6) / 1e6})">${tileBody(spec)}</g>`,
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
    (tilePx) =>
      `<image href="${imageHref.replaceAll('"', '%22')}" width="${num(tilePx)}" height="${num(tilePx)}" preserveAspectRatio="xMidYMid slice"/>`,
  );
}

/** 800×1000 px: the middle of the product canvas, with room around the garment. */
const PREVIEW_VIEW = { width: 800, height: 1000, viewBox: '60 -25 880 1100' };

function garmentPreview(category: Category, bg: string, tile: TileContent): string {
  const geometry = PRODUCT_GEOMETRY[PREVIEW_PRODUCT[category]];
  // A placed print goes on a white garment; an all-over product's trims take the print's ground.
  const garmentHex = geometry.printKind === 'placed' ? '#ffffff' : darken(bg, 0.3);
  return mockupSvg({ geometry, garmentHex, tile, view: PREVIEW_VIEW, blur: false });
}
