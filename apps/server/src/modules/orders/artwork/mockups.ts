import {
  MOCKUP_CANVAS_PX,
  type MockupLook,
  type MockupView,
  mockupLayers,
  mockupSvg,
  type PrintOptions,
  type Product,
  productGeometry,
  type TileContent,
  viewsOf,
} from '@btb/contracts';
import sharp from 'sharp';
import { validationFailed } from '../../../platform/errors.ts';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';
import { compositeMockup, designFileKey, type MockupComposite } from '../../studio/index.ts';
import type { DesignArtwork } from './design-artwork.ts';

/** The width a mockup is drawn at when the request names none. */
export const MOCKUP_WIDTH_PX = 800;

/** A mockup's look, resolved against the product: the side, the garment's colour and the width. */
export interface ResolvedLook {
  view: MockupView;
  color: { name: string; hex: string };
  size: number;
}

/**
 * The look asked for, checked against the product: a side it has and one of its variants' colours
 * (the first variant's by default). `path` prefixes the error details.
 */
export function resolveLook(product: Product, look: MockupLook = {}, path = 'query'): ResolvedLook {
  const geometry = productGeometry(product.id, product.category);
  const view = look.view ?? 'front';
  if (!viewsOf(geometry).includes(view)) {
    throw validationFailed([{ path: `${path}.view`, message: `the ${product.name} has no ${view} view` }]);
  }
  const colors = product.variants.map((v) => ({ name: v.color, hex: v.colorHex }));
  const color = look.color
    ? colors.find((c) => c.name.toLowerCase() === look.color!.toLowerCase())
    : (colors[0] ?? { name: 'White', hex: '#ffffff' });
  if (!color) {
    const names = [...new Set(colors.map((c) => c.name))].join(', ');
    throw validationFailed([{ path: `${path}.color`, message: `the ${product.name} comes in ${names}` }]);
  }
  return { view, color, size: look.size ?? MOCKUP_WIDTH_PX };
}

/** The design's tile as the print's tile content: the vector tile nested, or the raster tile embedded. */
async function tileOf(art: DesignArtwork): Promise<TileContent> {
  if (art.kind === 'vector') {
    const inner = art.tileSvg.replace(/^<\?xml[^>]*>\s*/, '');
    return (tilePx) => `<g transform="scale(${tilePx / art.tileSize})">${inner}</g>`;
  }
  const tile = await sharp(art.png).resize(256, 256, { fit: 'cover' }).png().toBuffer();
  const href = `data:image/png;base64,${tile.toString('base64')}`;
  return (tilePx) =>
    `<image href="${href}" width="${tilePx}" height="${tilePx}" preserveAspectRatio="none"/>`;
}

function mockupInput(
  product: Product,
  options: PrintOptions,
  look: Omit<ResolvedLook, 'size'> & { size?: number },
  tile: TileContent,
) {
  const size = look.size ?? MOCKUP_CANVAS_PX;
  return {
    geometry: productGeometry(product.id, product.category),
    garmentHex: look.color.hex,
    side: look.view,
    tile,
    view: { width: size, height: size, viewBox: `0 0 ${MOCKUP_CANVAS_PX} ${MOCKUP_CANVAS_PX}` },
    ...options,
  };
}

/** The mockup SVG: the product's geometry in the chosen (or its first variant's) colour, with the design printed as chosen. */
export async function designMockupSvg(
  art: DesignArtwork,
  product: Product,
  options: PrintOptions = {},
  look: MockupLook = {},
): Promise<string> {
  // Drawn on the 1000 px canvas unless a width is asked for.
  const resolved = { ...resolveLook(product, look), size: look.size };
  return mockupSvg(mockupInput(product, options, resolved, await tileOf(art)));
}

/**
 * The mockup as layers for a render worker: the product's drawing (kept by the worker), the print
 * with the design's tile rasterised once at the size one repeat takes in the output.
 */
export function designMockupComposite(
  art: DesignArtwork,
  product: Product,
  options: PrintOptions = {},
  look: ResolvedLook = resolveLook(product),
): MockupComposite {
  const layers = mockupLayers(mockupInput(product, options, look, () => ''));
  const k = look.size / MOCKUP_CANVAS_PX;
  const repeat = layers.repeat;
  const rect = repeat?.rect;
  return {
    width: layers.width,
    height: layers.height,
    base: layers.base,
    layers: [
      { svg: layers.shade, blend: 'multiply' },
      { svg: layers.light, blend: 'screen' },
      { svg: layers.trim, blend: 'over' },
    ],
    print: repeat
      ? {
          mask: repeat.mask,
          rect: rect
            ? { x: rect.x * k, y: rect.y * k, width: rect.width * k, height: rect.height * k }
            : null,
          origin: { x: repeat.origin.x * k, y: repeat.origin.y * k },
          rotation: repeat.rotation,
          tile: {
            key: `${art.designId}/${art.seed}`,
            size: layers.tileCanvasPx * k,
            ...(art.kind === 'vector' ? { svg: art.tileSvg } : { png: art.png }),
          },
        }
      : undefined,
  };
}

/** A file-name suffix for non-default print options ('' for the defaults, so existing files keep their names). */
export function printOptionsSuffix(options: PrintOptions): string {
  const r = (v: number) => String(Math.round(v * 100) / 100);
  if (options.placement) {
    const p = options.placement;
    return `-at-${r(p.x)}-${r(p.y)}-${r(p.width)}`;
  }
  if (options.repeat && (options.repeat.scale !== 100 || options.repeat.rotation !== 0)) {
    return `-scale-${r(options.repeat.scale)}-turn-${r(options.repeat.rotation)}`;
  }
  return '';
}

/** Mockups are named for the drawing they are made with, so a new drawing does not serve old files. */
const MOCKUP_DRAWING = 'v4';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';

/** A mockup's file: per design version (its seed), product, print choice, side, colour and width. */
export const mockupKey = (
  art: Pick<DesignArtwork, 'designId' | 'seed'>,
  productId: string,
  options: PrintOptions = {},
  look: ResolvedLook = { view: 'front', color: { name: 'default', hex: '' }, size: MOCKUP_WIDTH_PX },
) =>
  designFileKey(
    art.designId,
    art.seed,
    `mockups/${MOCKUP_DRAWING}/${productId}-${look.view}-${slug(look.color.name)}-${look.size}${printOptionsSuffix(options)}.png`,
  );

/** Recently served mockups kept in memory (by bytes), in front of the stored files. */
class RecentFiles {
  private readonly files = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string) {
    const file = this.files.get(key);
    if (file) {
      this.files.delete(key);
      this.files.set(key, file);
    }
    return file;
  }

  set(key: string, file: Buffer) {
    if (file.length > this.maxBytes / 4) return;
    this.files.set(key, file);
    this.bytes += file.length;
    for (const [oldest, old] of this.files) {
      if (this.bytes <= this.maxBytes) break;
      this.files.delete(oldest);
      this.bytes -= old.length;
    }
  }
}

/**
 * Mockups are composited on first request (in a render worker) and kept in storage beside the
 * design's other files, with the most recent also in memory; one render per file at a time.
 */
export class Mockups {
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly recent = new RecentFiles(32 * 1024 * 1024);

  constructor(private readonly storage: FileStorage) {}

  async get(
    art: DesignArtwork,
    product: Product,
    options: PrintOptions = {},
    look: ResolvedLook = resolveLook(product),
  ): Promise<Buffer> {
    const key = mockupKey(art, product.id, options, look);
    const recent = this.recent.get(key);
    if (recent) return recent;
    let rendering = this.inFlight.get(key);
    if (!rendering) {
      rendering = (async () => {
        const stored = await this.storage.get(key);
        if (stored) return stored.body;
        const png = await compositeMockup(designMockupComposite(art, product, options, look));
        await this.storage.put(key, png, 'image/png');
        return png;
      })()
        .then((png) => {
          this.recent.set(key, png);
          return png;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, rendering);
    }
    return rendering;
  }
}
