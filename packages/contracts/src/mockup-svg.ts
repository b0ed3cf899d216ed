import {
  type CanvasRect,
  type Crease,
  drawingOf,
  type GarmentDrawing,
  MOCKUP_CANVAS_PX,
  type MockupView,
  type PrintPlacement,
  type ProductGeometry,
  placementOnCanvas,
  type RepeatOptions,
  tilesAcrossAt,
} from './product-geometry.ts';

/** The content of one tile of the print drawn `tilePx` wide, from (0, 0). */
export type TileContent = (tilePx: number) => string;

export interface MockupInput {
  geometry: ProductGeometry;
  /** The fabric under a placed print, or the colour of an all-over product's handles and trims. */
  garmentHex: string;
  tile: TileContent;
  /** The side shown; the print is on the front. */
  side?: MockupView;
  /** For a placed print: where it sits in the print area (the whole area by default). */
  placement?: PrintPlacement;
  /** For an all-over print: the repeat's scale and rotation. */
  repeat?: RepeatOptions;
  /** Output size and the part of the canvas shown; the whole 1000×1000 canvas by default. */
  view?: { width: number; height: number; viewBox: string };
  /**
   * Blur the creases (the default). Without, each is three stacked strokes: close to the same
   * look at a fraction of the cost, for previews drawn once per design (the studio's).
   */
  blur?: boolean;
}

/**
 * A mockup as separate layers, each a whole SVG of the same size, laid over each other in order:
 * `base` (backdrop and the garment in its colour), `print`, `shade` (multiplied), `light`
 * (screened) and `trim` (seams, stitching and edges, drawn over). Only `print` depends on the
 * design: the rest can be rasterised once per product, side, colour and size and reused.
 */
export interface MockupLayers {
  width: number;
  height: number;
  base: string;
  /** Null when the side shown carries no print (the back of a garment printed on the front). */
  print: string | null;
  shade: string;
  light: string;
  trim: string;
  /** One tile's width on the canvas (the pattern's repeat), for rasterising the tile to fit. */
  tileCanvasPx: number;
  /**
   * The print as a repeat to lay in without an SVG: where it may show (`mask`, white, with `rect`
   * on the canvas for a placed print) and the repeat's origin and turn. Null where `print` is.
   */
  repeat: {
    mask: string;
    rect: CanvasRect | null;
    origin: { x: number; y: number };
    rotation: number;
  } | null;
}

const n = (v: number) => String(Math.round(v * 100) / 100);

function rgbOf(hex: string): [number, number, number] {
  const h = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1] ?? 'ffffff';
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

const isDark = (hex: string) => {
  const [r, g, b] = rgbOf(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
};

/** Lighter (amount > 0) or darker (amount < 0) by a fraction. */
function shade(hex: string, amount: number): string {
  const mix = (c: number) =>
    Math.round(amount >= 0 ? c + (255 - c) * amount : c * (1 + amount))
      .toString(16)
      .padStart(2, '0');
  const [r, g, b] = rgbOf(hex);
  return `#${mix(r)}${mix(g)}${mix(b)}`;
}

/** The garment's extent on the canvas, from its outline's coordinates. */
function outlineBounds(outline: string): CanvasRect {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [, x, y] of outline.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
    xs.push(Number(x));
    ys.push(Number(y));
  }
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const svgOpen = (view: { width: number; height: number; viewBox: string }) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${view.width}" height="${view.height}" viewBox="${view.viewBox}">`;

/** The garment's whole silhouette: its body and any parts drawn over it. */
const silhouette = (d: GarmentDrawing) =>
  [d.outline, ...(d.over ?? [])].map((p) => `<path d="${p}"/>`).join('');

/**
 * Soft strokes: creases blurred by about half their width, so each reads as a valley or ridge of
 * cloth rather than a line. Fine and broad ones are blurred as two groups (a blur per stroke costs
 * a filter pass each). `ink` is black for creases (multiplied) and white for highlights (screened).
 */
function softStrokes(creases: readonly Crease[], ink: string, gain: number, id: string, blur: boolean) {
  if (!blur) {
    const strokes = creases
      .flatMap((c) =>
        [1.6, 1, 0.5].map(
          (k) =>
            `<path d="${c.d}" fill="none" stroke="${ink}" stroke-opacity="${n(Math.min(1, c.strength * gain) / 3)}" stroke-width="${n(c.width * k)}" stroke-linecap="round"/>`,
        ),
      )
      .join('');
    return { filters: '', strokes };
  }
  const groups = [
    { name: 'fine', blur: 6, members: creases.filter((c) => c.width <= 18) },
    { name: 'broad', blur: 13, members: creases.filter((c) => c.width > 18) },
  ].filter((g) => g.members.length > 0);
  const filters = groups
    .map(
      (g) =>
        `<filter id="${id}-${g.name}" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="${g.blur}"/></filter>`,
    )
    .join('');
  const strokes = groups
    .map(
      (g) =>
        `<g filter="url(#${id}-${g.name})">${g.members
          .map(
            (c) =>
              `<path d="${c.d}" fill="none" stroke="${ink}" stroke-opacity="${n(Math.min(1, c.strength * gain))}" stroke-width="${c.width}" stroke-linecap="round"/>`,
          )
          .join('')}</g>`,
    )
    .join('');
  return { filters, strokes };
}

function layerParts(input: MockupInput) {
  const { geometry: g, garmentHex } = input;
  const C = MOCKUP_CANVAS_PX;
  const side = input.side ?? 'front';
  const drawing = drawingOf(g, side);
  const view = input.view ?? { width: C, height: C, viewBox: `0 0 ${C} ${C}` };
  const placed = g.printKind === 'placed';
  const box = outlineBounds(drawing.outline);
  const rect = placed && input.placement ? placementOnCanvas(g, input.placement) : g.printAreaOnCanvas;
  const repeat = placed ? undefined : input.repeat;
  const tilePx = rect.width / tilesAcrossAt(g.printArea, repeat);
  const rotation = repeat?.rotation
    ? ` patternTransform="rotate(${n(repeat.rotation)} ${n(rect.x)} ${n(rect.y)})"`
    : '';
  const dark = isDark(garmentHex);
  const clip = `<clipPath id="btb-garment">${silhouette(drawing)}</clipPath>`;

  const strap = (d: string) =>
    `<path d="${d}" fill="none" stroke="${garmentHex}" stroke-width="30" stroke-linecap="round"/>`;
  const behind = drawing.behind
    ? drawing.behind.kind === 'strap'
      ? strap(drawing.behind.d)
      : `<path d="${drawing.behind.d}" fill="${shade(garmentHex, dark ? 0.08 : -0.18)}"/>`
    : '';
  const base = [
    '<defs><radialGradient id="btb-floor" cx="0.5" cy="0.5" r="0.5">',
    '<stop offset="0" stop-color="#000000" stop-opacity="0.18"/>',
    '<stop offset="1" stop-color="#000000" stop-opacity="0"/>',
    '</radialGradient></defs>',
    `<rect x="-${C}" y="-${C}" width="${3 * C}" height="${3 * C}" fill="#f3efe9"/>`,
    `<ellipse cx="500" cy="948" rx="360" ry="34" fill="url(#btb-floor)"/>`,
    behind,
    `<g fill="${garmentHex}">${silhouette(drawing)}</g>`,
  ].join('');

  // The front carries the print: a placed print in its rectangle, an all-over one on the whole outline.
  const print =
    side === 'front'
      ? [
          `<defs><pattern id="btb-print" patternUnits="userSpaceOnUse" x="${n(rect.x)}" y="${n(rect.y)}" width="${n(tilePx)}" height="${n(tilePx)}"${rotation}>${input.tile(tilePx)}</pattern>${clip}</defs>`,
          placed
            ? `<rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.width)}" height="${n(rect.height)}" fill="url(#btb-print)" clip-path="url(#btb-garment)"/>`
            : `<path d="${drawing.outline}" fill="url(#btb-print)"/>`,
        ].join('')
      : null;

  // Shade: darker towards the sides and in the creases. Black on transparent, so multiplying it
  // darkens garment and print alike and leaves the backdrop untouched.
  const creases = softStrokes(drawing.creases, '#000', 0.6, 'btb-crease', input.blur ?? true);
  const shadeLayer = [
    `<defs>${clip}${creases.filters}`,
    '<linearGradient id="btb-sides" x1="0" y1="0" x2="1" y2="0">',
    '<stop offset="0" stop-color="#000" stop-opacity="0.26"/><stop offset="0.16" stop-color="#000" stop-opacity="0.05"/>',
    '<stop offset="0.5" stop-color="#000" stop-opacity="0"/><stop offset="0.84" stop-color="#000" stop-opacity="0.06"/>',
    '<stop offset="1" stop-color="#000" stop-opacity="0.3"/>',
    '</linearGradient>',
    '<linearGradient id="btb-drop" x1="0" y1="0" x2="0" y2="1">',
    '<stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="0.7" stop-color="#000" stop-opacity="0.02"/>',
    '<stop offset="1" stop-color="#000" stop-opacity="0.12"/>',
    '</linearGradient></defs>',
    `<g clip-path="url(#btb-garment)">`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="url(#btb-sides)"/>`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="url(#btb-drop)"/>`,
    creases.strokes,
    '</g>',
  ].join('');

  // Light: the ridges between creases catch the light; on dark cloth they carry the folds.
  const ridges = softStrokes(drawing.highlights, '#fff', dark ? 0.55 : 0.45, 'btb-ridge', input.blur ?? true);
  const lightLayer = [
    `<defs>${clip}${ridges.filters}`,
    '<linearGradient id="btb-sheen" x1="0" y1="0" x2="1" y2="1">',
    `<stop offset="0" stop-color="#fff" stop-opacity="${dark ? 0.14 : 0.1}"/>`,
    '<stop offset="0.5" stop-color="#fff" stop-opacity="0"/>',
    '</linearGradient></defs>',
    `<g clip-path="url(#btb-garment)">`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="url(#btb-sheen)"/>`,
    ridges.strokes,
    '</g>',
  ].join('');

  const seam = dark ? 'rgba(255,255,255,0.2)' : 'rgba(0,0,0,0.2)';
  const stitch = dark ? 'rgba(255,255,255,0.32)' : 'rgba(0,0,0,0.3)';
  const edge = dark ? 'rgba(0,0,0,0.6)' : 'rgba(0,0,0,0.3)';
  const trim = [
    ...drawing.seams.map(
      (d) => `<path d="${d}" fill="none" stroke="${seam}" stroke-width="2.5" stroke-linejoin="round"/>`,
    ),
    ...drawing.stitches.map(
      (d) =>
        `<path d="${d}" fill="none" stroke="${stitch}" stroke-width="1.6" stroke-dasharray="5 4" stroke-linecap="round"/>`,
    ),
    ...[drawing.outline, ...(drawing.over ?? [])].map(
      (d) => `<path d="${d}" fill="none" stroke="${edge}" stroke-width="2.5" stroke-linejoin="round"/>`,
    ),
  ].join('');

  const repeatInfo =
    side === 'front'
      ? {
          mask: `<g fill="#fff">${placed ? silhouette(drawing) : `<path d="${drawing.outline}"/>`}</g>`,
          rect: placed ? rect : null,
          origin: { x: rect.x, y: rect.y },
          rotation: repeat?.rotation ?? 0,
        }
      : null;
  return { view, base, print, shade: shadeLayer, light: lightLayer, trim, tilePx, repeatInfo };
}

/** The mockup as layers to rasterise and composite (the server caches everything but the print). */
export function mockupLayers(input: MockupInput): MockupLayers {
  const parts = layerParts(input);
  const doc = (body: string) => `${svgOpen(parts.view)}${body}</svg>`;
  return {
    width: parts.view.width,
    height: parts.view.height,
    base: doc(parts.base),
    print: parts.print === null ? null : doc(parts.print),
    shade: doc(parts.shade),
    light: doc(parts.light),
    trim: doc(parts.trim),
    tileCanvasPx: parts.tilePx,
    repeat: parts.repeatInfo && { ...parts.repeatInfo, mask: doc(parts.repeatInfo.mask) },
  };
}

/**
 * The mockup as one SVG: backdrop, the garment in its colour, the print, then the cloth's shading
 * (multiplied), its highlights (screened), seams, stitching and edges. The print's repeat is the
 * print file's (tiles per area width).
 */
export function mockupSvg(input: MockupInput): string {
  const parts = layerParts(input);
  // Each blended layer is its own group: resvg blends a group with what is drawn beneath it.
  return [
    svgOpen(parts.view),
    parts.base,
    parts.print ?? '',
    `<g style="mix-blend-mode:multiply">${parts.shade}</g>`,
    `<g style="mix-blend-mode:screen">${parts.light}</g>`,
    parts.trim,
    '</svg>',
  ].join('');
}
