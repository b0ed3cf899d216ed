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

/** A soft crease or highlight: a stroke `width` wide, blurred, at `strength` (0–1) of full shade. */
export interface Crease {
  d: string;
  width: number;
  strength: number;
}

/** One side of a product as drawn on the canvas: its silhouette, what lies behind and over it, and its cloth. */
export interface GarmentDrawing {
  outline: string;
  /** Drawn behind the garment: a hood's lining in the fabric's shade, or a bag's back handle. */
  behind?: { d: string; kind: 'lining' | 'strap' };
  /** Parts drawn over the body in the garment's colour, with their own edge (a hood seen from the back). */
  over?: string[];
  /** Seams and trims, stroked lightly over the print. */
  seams: string[];
  /** Top-stitching beside hems, cuffs and collars, drawn as short dashes. */
  stitches: string[];
  /** Valleys of the cloth, multiplied over garment and print. */
  creases: Crease[];
  /** Ridges of the cloth catching the light, screened over garment and print. */
  highlights: Crease[];
}

export interface ProductGeometry extends GarmentDrawing {
  /** `placed`: a print that sits in a rectangle on the garment; `all-over`: printed edge to edge. */
  printKind: 'placed' | 'all-over';
  printArea: ProductPrintArea;
  /** Where the print area lies on the canvas (for all-over products, the outline's bounds). */
  printAreaOnCanvas: CanvasRect;
  /** The garment seen from the back, for products that show one (the print stays on the front). */
  back?: GarmentDrawing;
}

export const MOCKUP_VIEWS = ['front', 'back'] as const;
export type MockupView = (typeof MOCKUP_VIEWS)[number];

/** Printful's print file sizes at 150 DPI (the t-shirt front is 12×16 in). */
const front: ProductPrintArea = { placement: 'front', widthPx: 1800, heightPx: 2400, dpi: 150 };

const c = (d: string, width: number, strength: number): Crease => ({ d, width, strength });
/** The same path reflected about the canvas's vertical centre line (garments are drawn symmetric). */
export const mirrored = (d: string) =>
  d.replace(/(-?[\d.]+),(-?[\d.]+)/g, (_, x: string, y: string) => `${MOCKUP_CANVAS_PX - Number(x)},${y}`);
const pair = (d: string, width: number, strength: number) => [
  c(d, width, strength),
  c(mirrored(d), width, strength),
];

const TSHIRT_OUTLINE_SIDES =
  'L765,192 Q830,250 905,352 L792,432 L732,372 L732,900 Q500,928 268,900 L268,372 L208,432 L95,352 Q170,250 235,192 Z';
const tshirtCloth = {
  creases: [
    ...pair('M262,392 Q300,450 352,520', 26, 0.5),
    ...pair('M330,480 Q350,690 322,880', 34, 0.38),
    ...pair('M420,905 Q430,860 446,820', 18, 0.4),
    ...pair('M250,240 Q300,300 262,380', 22, 0.3),
    ...pair('M160,330 Q190,370 232,396', 16, 0.35),
  ],
  highlights: [
    ...pair('M380,300 Q400,520 388,860', 44, 0.35),
    ...pair('M292,420 Q320,480 370,560', 14, 0.3),
    ...pair('M180,290 Q220,300 250,330', 20, 0.3),
  ],
} satisfies Pick<GarmentDrawing, 'creases' | 'highlights'>;
const tshirtStitches = ['M272,886 Q500,912 728,886', 'M113,362 L206,426', mirrored('M113,362 L206,426')];

const HOODIE_OUTLINE_SIDES =
  'L772,222 Q852,302 880,560 L892,806 L800,816 L762,488 L742,488 L742,884 Q500,912 258,884 L258,488 L238,488 L200,816 L108,806 L120,560 Q148,302 228,222 Z';
const hoodieCloth = {
  creases: [
    ...pair('M252,500 Q300,560 350,610', 26, 0.45),
    ...pair('M322,510 Q342,680 314,850', 34, 0.36),
    ...pair('M330,850 Q334,820 340,796', 16, 0.45),
    ...pair('M128,600 Q160,614 196,602', 14, 0.5),
    ...pair('M124,650 Q160,666 200,650', 14, 0.45),
    ...pair('M140,300 Q170,420 190,560', 24, 0.3),
  ],
  highlights: [
    ...pair('M388,330 Q408,520 396,690', 44, 0.32),
    ...pair('M150,420 Q150,560 140,760', 22, 0.32),
    ...pair('M262,250 Q320,238 376,214', 16, 0.28),
  ],
} satisfies Pick<GarmentDrawing, 'creases' | 'highlights'>;
const hoodieStitches = [
  'M262,842 L738,842',
  'M262,862 L738,862',
  'M112,766 L204,776',
  mirrored('M112,766 L204,776'),
];

export const PRODUCT_GEOMETRY = {
  'tshirt-unisex': {
    printKind: 'placed',
    printArea: front,
    printAreaOnCanvas: { x: 360, y: 262, width: 280, height: 373 },
    outline: `M400,140 Q500,215 600,140 ${TSHIRT_OUTLINE_SIDES}`,
    seams: [
      'M400,140 Q500,232 600,140',
      'M268,372 L305,215',
      'M732,372 L695,215',
      'M208,432 L240,404',
      'M792,432 L760,404',
    ],
    stitches: [...tshirtStitches, 'M396,150 Q500,244 604,150'],
    creases: [...tshirtCloth.creases, c('M404,146 Q500,236 596,146', 16, 0.45)],
    highlights: tshirtCloth.highlights,
    back: {
      outline: `M400,140 Q500,168 600,140 ${TSHIRT_OUTLINE_SIDES}`,
      seams: [
        'M400,140 Q500,180 600,140',
        'M268,372 L305,215',
        'M732,372 L695,215',
        'M486,160 L514,160 L514,184 L486,184 Z',
      ],
      stitches: [...tshirtStitches, 'M398,152 Q500,190 602,152'],
      creases: [...tshirtCloth.creases, c('M380,190 Q500,230 620,190', 40, 0.18)],
      highlights: tshirtCloth.highlights,
    },
  },
  'hoodie-unisex': {
    printKind: 'placed',
    printArea: front,
    printAreaOnCanvas: { x: 370, y: 292, width: 260, height: 347 },
    behind: { d: 'M372,215 Q352,52 500,46 Q648,52 628,215 Z', kind: 'lining' },
    outline: `M392,170 Q500,262 608,170 ${HOODIE_OUTLINE_SIDES}`,
    seams: [
      'M392,170 Q500,262 608,170',
      'M470,238 L462,360',
      'M530,238 L538,360',
      'M352,700 L648,700 L690,838 L310,838 Z',
      'M258,852 L742,852',
      'M108,776 L200,786',
      'M892,776 L800,786',
    ],
    stitches: [...hoodieStitches, 'M360,712 L640,712', 'M386,180 Q500,276 614,180'],
    creases: [
      ...hoodieCloth.creases,
      c('M396,178 Q500,272 604,178', 20, 0.5),
      c('M356,708 L644,708', 10, 0.35),
    ],
    highlights: hoodieCloth.highlights,
    back: {
      outline: `M392,170 Q500,200 608,170 ${HOODIE_OUTLINE_SIDES}`,
      over: ['M356,300 Q330,70 500,58 Q670,70 644,300 Q500,334 356,300 Z'],
      seams: ['M500,60 L500,322', 'M258,852 L742,852', 'M108,776 L200,786', 'M892,776 L800,786'],
      stitches: [...hoodieStitches, 'M490,64 L490,320', 'M510,64 L510,320'],
      creases: [
        ...hoodieCloth.creases,
        c('M364,306 Q500,350 636,306', 26, 0.4),
        ...pair('M380,120 Q370,200 380,290', 30, 0.25),
      ],
      highlights: [...hoodieCloth.highlights, ...pair('M430,90 Q410,180 424,290', 30, 0.28)],
    },
  },
  'dress-skater': {
    printKind: 'all-over',
    printArea: { placement: 'default', widthPx: 4500, heightPx: 5400, dpi: 150 },
    printAreaOnCanvas: { x: 160, y: 92, width: 680, height: 840 },
    outline:
      'M418,92 L446,92 Q500,168 554,92 L582,92 Q598,168 652,200 Q640,318 622,430 Q770,690 840,902 Q500,962 160,902 Q230,690 378,430 Q360,318 348,200 Q402,168 418,92 Z',
    seams: ['M446,92 Q500,178 554,92', 'M378,430 Q500,452 622,430', 'M160,902 Q500,962 840,902'],
    stitches: ['M176,888 Q500,946 824,888', 'M382,442 Q500,464 618,442'],
    creases: [
      ...pair('M420,462 Q360,680 290,900', 30, 0.42),
      ...pair('M468,466 Q450,700 416,940', 26, 0.36),
      ...pair('M432,240 Q444,330 434,420', 18, 0.3),
      ...pair('M350,210 Q372,300 380,420', 22, 0.3),
      c('M390,440 Q500,462 610,440', 16, 0.35),
    ],
    highlights: [
      ...pair('M446,464 Q404,690 352,924', 34, 0.32),
      c('M500,470 Q504,700 498,944', 40, 0.3),
      ...pair('M460,200 Q470,300 462,410', 30, 0.25),
    ],
  },
  'leggings-aop': {
    printKind: 'all-over',
    printArea: { placement: 'default', widthPx: 4500, heightPx: 5400, dpi: 150 },
    printAreaOnCanvas: { x: 300, y: 72, width: 400, height: 862 },
    outline:
      'M322,72 L678,72 L700,300 L694,928 L566,934 L524,338 Q500,306 476,338 L434,934 L306,928 L300,300 Z',
    seams: ['M322,122 L678,122', 'M500,122 L500,318', 'M306,900 L434,906', 'M566,906 L694,900'],
    stitches: ['M320,112 L680,112', 'M308,888 L436,894', mirrored('M308,888 L436,894')],
    creases: [
      ...pair('M470,350 Q450,396 428,432', 18, 0.45),
      ...pair('M322,612 Q384,630 448,606', 16, 0.4),
      ...pair('M314,840 Q372,856 436,842', 14, 0.42),
      ...pair('M312,866 Q372,878 436,866', 12, 0.38),
      ...pair('M458,400 Q446,660 436,900', 30, 0.3),
      ...pair('M316,150 Q310,400 312,880', 30, 0.3),
      c('M326,124 L674,124', 12, 0.35),
    ],
    highlights: [
      ...pair('M376,160 Q372,520 370,900', 40, 0.32),
      ...pair('M330,590 Q390,602 446,584', 10, 0.3),
    ],
  },
  'tote-aop': {
    printKind: 'all-over',
    printArea: { placement: 'default', widthPx: 2250, heightPx: 2250, dpi: 150 },
    printAreaOnCanvas: { x: 212, y: 318, width: 576, height: 594 },
    behind: { d: 'M345,330 Q345,118 500,118 Q655,118 655,330', kind: 'strap' },
    outline: 'M212,318 L788,318 L770,912 L230,912 Z',
    seams: [
      'M212,348 L788,348',
      'M330,322 L360,322 L360,372 L330,372 Z',
      mirrored('M330,322 L360,322 L360,372 L330,372 Z'),
    ],
    stitches: ['M214,336 L786,336', 'M234,898 L766,898', 'M330,322 L360,372', mirrored('M330,322 L360,372')],
    creases: [
      ...pair('M330,400 Q320,640 312,880', 36, 0.3),
      ...pair('M240,352 Q290,430 322,540', 24, 0.32),
      c('M236,900 L764,900', 26, 0.35),
      c('M216,328 L784,328', 14, 0.25),
    ],
    highlights: [c('M470,380 Q480,640 472,880', 60, 0.28), ...pair('M286,400 Q280,640 272,880', 20, 0.25)],
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

/** The views a product is shown in: the front, and the back where it has one. */
export const viewsOf = (geometry: ProductGeometry): MockupView[] =>
  geometry.back ? ['front', 'back'] : ['front'];

/** The drawing of one view of a product (the front for a product without that view). */
export const drawingOf = (geometry: ProductGeometry, view: MockupView = 'front'): GarmentDrawing =>
  view === 'back' && geometry.back ? geometry.back : geometry;

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

/** How a mockup is shown: which side, in which of the product's colours (a variant's colour name), how wide. */
export interface MockupLook {
  view?: MockupView;
  color?: string;
  size?: number;
}

/** The widths a mockup is drawn at (a short list, so each has a cached file). */
export const MOCKUP_SIZES = [400, 800, 1000, 1200] as const;

/** The mockup URL's query for a choice and a look ('' for neither). */
export function mockupQueryOf(options: PrintOptions, look: MockupLook = {}): string {
  const { placement: p, repeat: r } = options;
  const params: string[] = [];
  if (p) params.push(`x=${p.x}`, `y=${p.y}`, `width=${p.width}`);
  else if (r) params.push(`scale=${r.scale}`, `rotation=${r.rotation}`);
  if (look.view && look.view !== 'front') params.push(`view=${look.view}`);
  if (look.color) params.push(`color=${encodeURIComponent(look.color)}`);
  if (look.size) params.push(`size=${look.size}`);
  return params.length ? `?${params.join('&')}` : '';
}
