import type { Category } from './designs.ts';

/**
 * Each product's geometry, defined once: its print areas (the manufacturer's pixels and DPI,
 * seeded into the catalogue), its silhouette on a 1000×1000 mockup canvas and where the print
 * area lies on that canvas. The studio preview, the design page's mockups, checkout and the print
 * files all read it from here.
 */
export const MOCKUP_CANVAS_PX = 1000;

export interface CanvasRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ProductPrintArea {
  placement: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
}

export interface ProductGeometry {
  /** `placed`: a print that sits in a rectangle on the garment; `all-over`: printed edge to edge. */
  printKind: 'placed' | 'all-over';
  printArea: ProductPrintArea;
  /** Where the print area lies on the canvas (for all-over products, the outline's bounds). */
  printAreaOnCanvas: CanvasRect;
  outline: string;
  /** Drawn behind the garment: a hood's lining in the fabric's shade, or a bag's back handle. */
  behind?: { d: string; kind: 'lining' | 'strap' };
  /** Seams and trims, stroked lightly over the print. */
  seams: string[];
  /** Soft folds, drawn as dark and light strokes over the print. */
  folds: string[];
}

/** Printful's print file sizes at 150 DPI (the t-shirt front is 12×16 in). */
const front: ProductPrintArea = { placement: 'front', widthPx: 1800, heightPx: 2400, dpi: 150 };

export const PRODUCT_GEOMETRY = {
  'tshirt-unisex': {
    printKind: 'placed',
    printArea: front,
    printAreaOnCanvas: { x: 360, y: 262, width: 280, height: 373 },
    outline:
      'M400,140 Q500,215 600,140 L765,192 Q830,250 905,352 L792,432 L732,372 L732,900 Q500,928 268,900 L268,372 L208,432 L95,352 Q170,250 235,192 Z',
    seams: [
      'M400,140 Q500,232 600,140',
      'M268,372 L305,215',
      'M732,372 L695,215',
      'M208,432 L240,404',
      'M792,432 L760,404',
    ],
    folds: ['M330,470 Q350,690 322,880', 'M668,470 Q650,690 676,880', 'M300,330 Q330,300 352,250'],
  },
  'hoodie-unisex': {
    printKind: 'placed',
    printArea: front,
    printAreaOnCanvas: { x: 370, y: 292, width: 260, height: 347 },
    behind: { d: 'M372,215 Q352,52 500,46 Q648,52 628,215 Z', kind: 'lining' },
    outline:
      'M392,170 Q500,262 608,170 L772,222 Q852,302 880,560 L892,806 L800,816 L762,488 L742,488 L742,884 Q500,912 258,884 L258,488 L238,488 L200,816 L108,806 L120,560 Q148,302 228,222 Z',
    seams: [
      'M392,170 Q500,262 608,170',
      'M470,238 L462,360',
      'M530,238 L538,360',
      'M352,700 L648,700 L690,838 L310,838 Z',
      'M258,852 L742,852',
      'M108,776 L200,786',
      'M892,776 L800,786',
    ],
    folds: ['M320,500 Q340,680 312,860', 'M680,500 Q660,680 688,860', 'M160,560 Q170,680 150,780'],
  },
  'dress-skater': {
    printKind: 'all-over',
    printArea: { placement: 'default', widthPx: 4500, heightPx: 5400, dpi: 150 },
    printAreaOnCanvas: { x: 160, y: 92, width: 680, height: 840 },
    outline:
      'M418,92 L446,92 Q500,168 554,92 L582,92 Q598,168 652,200 Q640,318 622,430 Q770,690 840,902 Q500,962 160,902 Q230,690 378,430 Q360,318 348,200 Q402,168 418,92 Z',
    seams: ['M446,92 Q500,178 554,92', 'M378,430 Q500,452 622,430', 'M160,902 Q500,962 840,902'],
    folds: ['M440,460 Q380,680 300,900', 'M560,460 Q620,680 700,900', 'M500,462 Q504,700 498,930'],
  },
  'leggings-aop': {
    printKind: 'all-over',
    printArea: { placement: 'default', widthPx: 4500, heightPx: 5400, dpi: 150 },
    printAreaOnCanvas: { x: 300, y: 72, width: 400, height: 862 },
    outline:
      'M322,72 L678,72 L700,300 L694,928 L566,934 L524,338 Q500,306 476,338 L434,934 L306,928 L300,300 Z',
    seams: ['M322,122 L678,122', 'M500,122 L500,318', 'M306,900 L434,906', 'M566,906 L694,900'],
    folds: ['M370,420 Q362,660 356,900', 'M630,420 Q638,660 644,900', 'M470,360 Q450,400 430,430'],
  },
  'tote-aop': {
    printKind: 'all-over',
    printArea: { placement: 'default', widthPx: 2250, heightPx: 2250, dpi: 150 },
    printAreaOnCanvas: { x: 212, y: 318, width: 576, height: 594 },
    behind: { d: 'M345,330 Q345,118 500,118 Q655,118 655,330', kind: 'strap' },
    outline: 'M212,318 L788,318 L770,912 L230,912 Z',
    seams: ['M212,348 L788,348'],
    folds: ['M330,400 Q320,640 312,880', 'M660,400 Q668,640 676,880'],
  },
} as const satisfies Record<string, ProductGeometry>;

export type GeometryProductId = keyof typeof PRODUCT_GEOMETRY;

/** The product whose garment previews a design category in the studio. */
export const PREVIEW_PRODUCT: Record<Category, GeometryProductId> = {
  shirt: 'tshirt-unisex',
  dress: 'dress-skater',
  pants: 'leggings-aop',
  accessories: 'tote-aop',
};

/** A product's geometry; a product added to the catalogue without its own uses its category's. */
export function productGeometry(productId: string, category: Category): ProductGeometry {
  return (
    (PRODUCT_GEOMETRY as Record<string, ProductGeometry>)[productId] ??
    PRODUCT_GEOMETRY[PREVIEW_PRODUCT[category]]
  );
}

/** One repeat of the pattern every ~4 inches of fabric, at least two across the area. */
export const tilesAcrossFor = (area: ProductPrintArea) =>
  Math.max(2, Math.round(area.widthPx / area.dpi / 4));

/** Where a placed print sits in its print area, in the area's pixels; its height follows the area's shape. */
export interface PrintPlacement {
  x: number;
  y: number;
  width: number;
}

/** An all-over repeat's scale (percent of the standard ~4 in tile) and rotation (degrees). */
export interface RepeatOptions {
  scale: number;
  rotation: number;
}

/** What a buyer chose for one order line: where a placed print sits, or an all-over repeat's scale and turn. */
export interface PrintOptions {
  placement?: PrintPlacement;
  repeat?: RepeatOptions;
}

export const REPEAT_SCALE = { min: 50, max: 200 } as const;
/** The smallest placed print: a tenth of the area's width. */
export const minPlacementWidth = (area: ProductPrintArea) => Math.ceil(area.widthPx / 10);
export const placementHeight = (area: ProductPrintArea, width: number) =>
  (width * area.heightPx) / area.widthPx;
export const fullPlacement = (area: ProductPrintArea): PrintPlacement => ({
  x: 0,
  y: 0,
  width: area.widthPx,
});

/** Why a placement does not fit its print area (empty when it does); paths name the fields. */
export function placementProblems(area: ProductPrintArea, p: PrintPlacement) {
  const problems: { path: 'x' | 'y' | 'width'; message: string }[] = [];
  const min = minPlacementWidth(area);
  if (p.width < min) problems.push({ path: 'width', message: `must be at least ${min} px` });
  if (p.x + p.width > area.widthPx) {
    problems.push({
      path: 'x',
      message: `the print's right edge (x + width) must be at most ${area.widthPx} px`,
    });
  }
  const bottom = p.y + placementHeight(area, p.width);
  if (bottom > area.heightPx + 1e-6) {
    problems.push({
      path: 'y',
      message: `the print's bottom edge (y + ${area.heightPx}/${area.widthPx} of the width) must be at most ${area.heightPx} px`,
    });
  }
  return problems;
}

/** The placed print's rectangle on the mockup canvas. */
export function placementOnCanvas(geometry: ProductGeometry, p: PrintPlacement): CanvasRect {
  const { printArea: area, printAreaOnCanvas: c } = geometry;
  const k = c.width / area.widthPx;
  return {
    x: c.x + p.x * k,
    y: c.y + p.y * k,
    width: p.width * k,
    height: placementHeight(area, p.width) * k,
  };
}

/** Tiles across the printed width: a placed print keeps its tiles as it is resized; a repeat's scale sets them. */
export function tilesAcrossAt(area: ProductPrintArea, repeat?: RepeatOptions) {
  return (tilesAcrossFor(area) * 100) / (repeat?.scale ?? 100);
}

/**
 * A raster tile's effective DPI where it is printed: its pixels over one tile's printed width in
 * inches. Vectors print sharp at any size (reported as 300 DPI, or the area's DPI if higher).
 */
export function effectiveDpi(
  art: { vector: boolean; sourceWidthPx: number | null },
  area: ProductPrintArea,
  options: { placement?: PrintPlacement; repeat?: RepeatOptions } = {},
): number {
  if (art.vector || art.sourceWidthPx === null) return Math.max(area.dpi, 300);
  const printedInches = (options.placement?.width ?? area.widthPx) / area.dpi;
  const tileInches = printedInches / tilesAcrossAt(area, options.repeat);
  return Math.floor(art.sourceWidthPx / tileInches);
}

/** The nearest placement that fits the area: at least the minimum width, wholly inside. */
export function clampPlacement(area: ProductPrintArea, p: PrintPlacement): PrintPlacement {
  const width = Math.round(Math.min(area.widthPx, Math.max(minPlacementWidth(area), p.width)));
  const height = placementHeight(area, width);
  return {
    x: Math.round(Math.min(area.widthPx - width, Math.max(0, p.x))),
    y: Math.round(Math.min(area.heightPx - height, Math.max(0, p.y))),
    width,
  };
}

/** The mockup URL's query for a choice ('' for none). */
export function mockupQueryOf(options: PrintOptions): string {
  const { placement: p, repeat: r } = options;
  if (p) return `?x=${p.x}&y=${p.y}&width=${p.width}`;
  if (r) return `?scale=${r.scale}&rotation=${r.rotation}`;
  return '';
}
