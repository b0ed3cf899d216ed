import type { Product } from '@btb/contracts';
import sharp from 'sharp';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';
import { designFileKey, svgToPng } from '../../studio/index.ts';
import type { DesignArtwork } from './design-artwork.ts';
import { silhouetteFor } from './silhouettes.ts';

const CANVAS = 1000;
/** One repeat of the pattern per ~4 in of fabric, at the mockup's scale (a 12 in print area is 280 px). */
const TILE_PX = 93;
export const MOCKUP_WIDTH_PX = 800;

async function patternDefinition(art: DesignArtwork): Promise<string> {
  if (art.kind === 'vector') {
    const inner = art.tileSvg.replace(/^<\?xml[^>]*>\s*/, '');
    const scale = TILE_PX / art.tileSize;
    return `<pattern id="art" patternUnits="userSpaceOnUse" width="${art.tileSize}" height="${art.tileSize}" patternTransform="scale(${scale})">${inner}</pattern>`;
  }
  const tile = await sharp(art.png).resize(256, 256, { fit: 'cover' }).png().toBuffer();
  return `<pattern id="art" patternUnits="userSpaceOnUse" width="${TILE_PX}" height="${TILE_PX}"><image href="data:image/png;base64,${tile.toString('base64')}" width="${TILE_PX}" height="${TILE_PX}" preserveAspectRatio="none"/></pattern>`;
}

/** The mockup SVG: the garment in its colour, the print (or the all-over pattern), seams and soft shading. */
export async function mockupSvg(art: DesignArtwork, product: Product): Promise<string> {
  const shape = silhouetteFor(product.id, product.category);
  const garment = product.variants[0]?.colorHex ?? '#ffffff';
  const dark = isDark(garment);
  const seam = dark ? 'rgba(255,255,255,0.22)' : 'rgba(0,0,0,0.16)';
  const area = shape.printArea;
  const print = area
    ? `<rect x="${area.x}" y="${area.y}" width="${area.width}" height="${area.height}" fill="url(#art)" clip-path="url(#garment)"/>`
    : `<path d="${shape.outline}" fill="url(#art)"/>`;
  const behind = shape.behind
    ? product.id.startsWith('tote')
      ? `<path d="${shape.behind}" fill="none" stroke="#1b1b1b" stroke-width="30" stroke-linecap="round"/>`
      : `<path d="${shape.behind}" fill="${shade(garment, -0.18)}"/>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${CANVAS}" height="${CANVAS}" viewBox="0 0 ${CANVAS} ${CANVAS}">`,
    '<defs>',
    await patternDefinition(art),
    `<clipPath id="garment"><path d="${shape.outline}"/></clipPath>`,
    '<linearGradient id="light" x1="0" y1="0" x2="1" y2="1">',
    '<stop offset="0" stop-color="#ffffff" stop-opacity="0.22"/>',
    '<stop offset="0.45" stop-color="#ffffff" stop-opacity="0"/>',
    '<stop offset="1" stop-color="#000000" stop-opacity="0.20"/>',
    '</linearGradient>',
    '<radialGradient id="floor" cx="0.5" cy="0.5" r="0.5">',
    '<stop offset="0" stop-color="#000000" stop-opacity="0.18"/>',
    '<stop offset="1" stop-color="#000000" stop-opacity="0"/>',
    '</radialGradient>',
    '</defs>',
    `<rect width="${CANVAS}" height="${CANVAS}" fill="#f3efe9"/>`,
    `<ellipse cx="500" cy="948" rx="360" ry="34" fill="url(#floor)"/>`,
    behind,
    `<path d="${shape.outline}" fill="${garment}"/>`,
    print,
    `<path d="${shape.outline}" fill="url(#light)"/>`,
    ...shape.details.map(
      (d) => `<path d="${d}" fill="none" stroke="${seam}" stroke-width="3" stroke-linejoin="round"/>`,
    ),
    `<path d="${shape.outline}" fill="none" stroke="rgba(0,0,0,0.28)" stroke-width="3" stroke-linejoin="round"/>`,
    '</svg>',
  ].join('');
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
        const png = await svgToPng(await mockupSvg(art, product), MOCKUP_WIDTH_PX);
        await this.storage.put(key, png, 'image/png');
        return png;
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, rendering);
    }
    return rendering;
  }
}

function rgbOf(hex: string): [number, number, number] {
  const h = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1] ?? 'ffffff';
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function isDark(hex: string): boolean {
  const [r, g, b] = rgbOf(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
}

/** Lighter (amount > 0) or darker (amount < 0) by a fraction. */
function shade(hex: string, amount: number): string {
  const mix = (c: number) =>
    Math.round(amount >= 0 ? c + (255 - c) * amount : c * (1 + amount))
      .toString(16)
      .padStart(2, '0');
  const [r, g, b] = rgbOf(hex);
  return `#${mix(r)}${mix(g)}${mix(b)}`;
}
