import {
  mockupSvg,
  type PrintOptions,
  type Product,
  productGeometry,
  type TileContent,
} from '@btb/contracts';
import sharp from 'sharp';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';
import { designFileKey, svgToPng } from '../../studio/index.ts';
import type { DesignArtwork } from './design-artwork.ts';

export const MOCKUP_WIDTH_PX = 800;

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

/** The mockup SVG: the product's geometry in its first variant's colour, with the design printed as chosen. */
export async function designMockupSvg(
  art: DesignArtwork,
  product: Product,
  options: PrintOptions = {},
): Promise<string> {
  return mockupSvg({
    geometry: productGeometry(product.id, product.category),
    garmentHex: product.variants[0]?.colorHex ?? '#ffffff',
    tile: await tileOf(art),
    ...options,
  });
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

/** Mockups are named for the look they are drawn with, so a new look does not serve old files. */
const MOCKUP_LOOK = 'v3';

export const mockupKey = (
  art: Pick<DesignArtwork, 'designId' | 'seed'>,
  productId: string,
  options: PrintOptions = {},
) =>
  designFileKey(
    art.designId,
    art.seed,
    `mockups/${MOCKUP_LOOK}/${productId}${printOptionsSuffix(options)}.png`,
  );

/** Mockups are rendered on first request and kept in storage beside the design's other files. */
export class Mockups {
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(private readonly storage: FileStorage) {}

  async get(art: DesignArtwork, product: Product, options: PrintOptions = {}): Promise<Buffer> {
    const key = mockupKey(art, product.id, options);
    const stored = await this.storage.get(key);
    if (stored) return stored.body;
    let rendering = this.inFlight.get(key);
    if (!rendering) {
      rendering = (async () => {
        const png = await svgToPng(await designMockupSvg(art, product, options), MOCKUP_WIDTH_PX);
        await this.storage.put(key, png, 'image/png');
        return png;
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, rendering);
    }
    return rendering;
  }
}
