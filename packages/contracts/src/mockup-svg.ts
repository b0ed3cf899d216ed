import {
  type CanvasRect,
  MOCKUP_CANVAS_PX,
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
  /** For a placed print: where it sits in the print area (the whole area by default). */
  placement?: PrintPlacement;
  /** For an all-over print: the repeat's scale and rotation. */
  repeat?: RepeatOptions;
  /** Output size and the part of the canvas shown; the whole 1000×1000 canvas by default. */
  view?: { width: number; height: number; viewBox: string };
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
function outlineBounds(g: ProductGeometry): CanvasRect {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [, x, y] of g.outline.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
    xs.push(Number(x));
    ys.push(Number(y));
  }
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The print: the pattern in the print area (clipped to the garment) or over the whole outline. */
function printLayer(geometry: ProductGeometry, rect: CanvasRect): string {
  return geometry.printKind === 'placed'
    ? `<rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.width)}" height="${n(rect.height)}" fill="url(#btb-print)" clip-path="url(#btb-garment)"/>`
    : `<path d="${geometry.outline}" fill="url(#btb-print)"/>`;
}

/**
 * The mockup SVG of a product: backdrop, the garment in its colour, the print, then shading, folds,
 * seams and an outline over it. The print's repeat is the print file's (tiles per area width).
 */
export function mockupSvg(input: MockupInput): string {
  const { geometry: g, garmentHex } = input;
  const C = MOCKUP_CANVAS_PX;
  const view = input.view ?? { width: C, height: C, viewBox: `0 0 ${C} ${C}` };
  const placed = g.printKind === 'placed';
  const box = outlineBounds(g);
  const rect = placed && input.placement ? placementOnCanvas(g, input.placement) : g.printAreaOnCanvas;
  const repeat = placed ? undefined : input.repeat;
  const tilePx = rect.width / tilesAcrossAt(g.printArea, repeat);
  const rotation = repeat?.rotation
    ? ` patternTransform="rotate(${n(repeat.rotation)} ${n(rect.x)} ${n(rect.y)})"`
    : '';
  const dark = isDark(garmentHex);
  const seam = dark ? 'rgba(255,255,255,0.22)' : 'rgba(0,0,0,0.16)';
  const strap = (d: string) =>
    `<path d="${d}" fill="none" stroke="${garmentHex}" stroke-width="30" stroke-linecap="round"/>`;
  const behind = g.behind
    ? g.behind.kind === 'strap'
      ? strap(g.behind.d)
      : `<path d="${g.behind.d}" fill="${shade(garmentHex, -0.18)}"/>`
    : '';
  // Folds darken what is printed under them (multiplied), with a soft highlight beside each.
  const folds = g.folds
    .map((d) =>
      // Three widths stacked stand in for a blur, which costs resvg several times the render.
      [34, 20, 8]
        .map(
          (w) =>
            `<path d="${d}" fill="none" stroke="#d2cdc6" stroke-opacity="0.55" stroke-width="${w}" stroke-linecap="round"/>`,
        )
        .join(''),
    )
    .join('');
  const highlights = g.folds
    .map(
      (d) =>
        `<path d="${d}" fill="none" stroke="#fff" stroke-opacity="0.08" stroke-width="10" stroke-linecap="round" transform="translate(16 0)"/>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${view.width}" height="${view.height}" viewBox="${view.viewBox}">`,
    '<defs>',
    `<pattern id="btb-print" patternUnits="userSpaceOnUse" x="${n(rect.x)}" y="${n(rect.y)}" width="${n(tilePx)}" height="${n(tilePx)}"${rotation}>${input.tile(tilePx)}</pattern>`,
    `<clipPath id="btb-garment"><path d="${g.outline}"/></clipPath>`,
    '<linearGradient id="btb-light" x1="0" y1="0" x2="1" y2="1">',
    '<stop offset="0" stop-color="#ffffff" stop-opacity="0.22"/>',
    '<stop offset="0.45" stop-color="#ffffff" stop-opacity="0"/>',
    '<stop offset="1" stop-color="#000000" stop-opacity="0.20"/>',
    '</linearGradient>',
    // The fabric's shading, multiplied over garment and print: darker towards the sides and hem.
    '<linearGradient id="btb-shade" x1="0" y1="0" x2="1" y2="0">',
    '<stop offset="0" stop-color="#c9c4bd"/><stop offset="0.18" stop-color="#f4f2ef"/>',
    '<stop offset="0.5" stop-color="#ffffff"/><stop offset="0.82" stop-color="#f1efec"/>',
    '<stop offset="1" stop-color="#bfbab3"/>',
    '</linearGradient>',
    '<radialGradient id="btb-floor" cx="0.5" cy="0.5" r="0.5">',
    '<stop offset="0" stop-color="#000000" stop-opacity="0.18"/>',
    '<stop offset="1" stop-color="#000000" stop-opacity="0"/>',
    '</radialGradient>',
    '</defs>',
    `<rect x="-${C}" y="-${C}" width="${3 * C}" height="${3 * C}" fill="#f3efe9"/>`,
    `<ellipse cx="500" cy="948" rx="360" ry="34" fill="url(#btb-floor)"/>`,
    behind,
    `<path d="${g.outline}" fill="${garmentHex}"/>`,
    printLayer(g, rect),
    // Multiplied as one group: a clip path isolates a group, so the blend goes on the clipped group itself.
    `<g clip-path="url(#btb-garment)" style="mix-blend-mode:multiply"><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="url(#btb-shade)"/>${folds}</g>`,
    `<g clip-path="url(#btb-garment)"><path d="${g.outline}" fill="url(#btb-light)"/>${highlights}</g>`,
    ...g.seams.map(
      (d) => `<path d="${d}" fill="none" stroke="${seam}" stroke-width="3" stroke-linejoin="round"/>`,
    ),
    `<path d="${g.outline}" fill="none" stroke="rgba(0,0,0,0.28)" stroke-width="3" stroke-linejoin="round"/>`,
    '</svg>',
  ].join('');
}
