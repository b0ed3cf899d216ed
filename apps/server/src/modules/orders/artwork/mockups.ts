import { mockupSvg, type PatternDefinition, type Product, productGeometry } from '@btb/contracts';
import sharp from 'sharp';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';
import { designFileKey, svgToPng } from '../../studio/index.ts';
import type { DesignArtwork } from './design-artwork.ts';

export const MOCKUP_WIDTH_PX = 800;

/** The design's tile as the mockup's pattern: the vector tile nested, or the raster tile embedded. */
async function patternOf(art: DesignArtwork): Promise<PatternDefinition> {
  const at = (id: string, tilePx: number, x: number, y: number, scale: number) =>
    `<pattern id="${id}" patternUnits="userSpaceOnUse" x="${x / scale}" y="${y / scale}" width="${tilePx / scale}" height="${tilePx / scale}" patternTransform="scale(${scale})">`;
  if (art.kind === 'vector') {
    const inner = art.tileSvg.replace(/^<\?xml[^>]*>\s*/, '');
    return (id, tilePx, x, y) => {
      const scale = tilePx / art.tileSize;
      return `${at(id, tilePx, x, y, scale)}${inner}</pattern>`;
    };
  }
  const tile = await sharp(art.png).resize(256, 256, { fit: 'cover' }).png().toBuffer();
  const href = `data:image/png;base64,${tile.toString('base64')}`;
  return (id, tilePx, x, y) =>
    `${at(id, tilePx, x, y, 1)}<image href="${href}" width="${tilePx}" height="${tilePx}" preserveAspectRatio="none"/></pattern>`;
}

/** The mockup SVG: the product's geometry in its first variant's colour, with the design printed. */
export async function designMockupSvg(art: DesignArtwork, product: Product): Promise<string> {
  return mockupSvg({
    geometry: productGeometry(product.id, product.category),
    garmentHex: product.variants[0]?.colorHex ?? '#ffffff',
    pattern: await patternOf(art),
  });
}

export const mockupKey = (art: Pick<DesignArtwork, 'designId' | 'seed'>, productId: string) =>
  designFileKey(art.designId, art.seed, `mockups/${productId}.png`);

/** Mockups are rendered on first request and kept in storage beside the design's other files. */
export class Mockups {
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(private readonly storage: FileStorage) {}

  async get(art: DesignArtwork, product: Product): Promise<Buffer> {
    const key = mockupKey(art, product.id);
    const stored = await this.storage.get(key);
    if (stored) return stored.body;
    let rendering = this.inFlight.get(key);
    if (!rendering) {
      rendering = (async () => {
        const png = await svgToPng(await designMockupSvg(art, product), MOCKUP_WIDTH_PX);
        await this.storage.put(key, png, 'image/png');
        return png;
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, rendering);
    }
    return rendering;
  }
}
