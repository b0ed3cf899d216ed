import {
  fullPlacement,
  type PrintArea,
  type PrintOptions,
  type Product,
  placementHeight,
  productGeometry,
  tilesAcrossAt,
} from '@btb/contracts';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';
import type { PrintPosition } from '../providers/fulfillment-provider.ts';
import { designFileKey, repeatToPng, svgToPng, tileRaster } from '../../studio/index.ts';
import type { DesignArtwork } from './design-artwork.ts';
import { printOptionsSuffix } from './mockups.ts';

const n = (v: number) => String(Math.round(v * 1e4) / 1e4);

/** width × height filled with a tile `tilePx` wide, turned by `rotation` degrees about the middle. */
function repeatSvg(
  tile: string,
  widthPx: number,
  heightPx: number,
  tilePx: number,
  rotation: number,
): string {
  const turn = rotation
    ? ` patternTransform="rotate(${n(rotation)} ${n(widthPx / 2)} ${n(heightPx / 2)})"`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}"><defs><pattern id="btb-repeat" patternUnits="userSpaceOnUse" width="${n(tilePx)}" height="${n(tilePx)}"${turn}>${tile}</pattern></defs><rect width="${widthPx}" height="${heightPx}" fill="url(#btb-repeat)"/></svg>`;
}

/** The pixel size of the print file: a placed print's own rectangle, or the whole area. */
export function printFileSize(area: PrintArea, options: PrintOptions = {}) {
  const p = options.placement ?? fullPlacement(area);
  return options.placement
    ? { widthPx: Math.round(p.width), heightPx: Math.round(placementHeight(area, p.width)) }
    : { widthPx: area.widthPx, heightPx: area.heightPx };
}

/**
 * The print file for one print area, sRGB with the area's DPI recorded in the PNG. A placed print
 * is its own rectangle (the manufacturer is told where it goes); an all-over file fills the area
 * with the repeat at the chosen scale and rotation.
 */
export async function renderPrintFile(
  art: DesignArtwork,
  area: PrintArea,
  options: PrintOptions = {},
): Promise<Buffer> {
  const { widthPx, heightPx } = printFileSize(area, options);
  const repeat = options.placement ? undefined : options.repeat;
  const tilePx = widthPx / tilesAcrossAt(area, repeat);
  const rotation = repeat?.rotation ?? 0;
  let png: Buffer;
  if (art.kind === 'vector' && rotation === 0) {
    png = await repeatToPng(art.tileSvg, widthPx / tilePx, widthPx, heightPx, area.dpi);
  } else if (art.kind === 'vector') {
    const inner = art.tileSvg.replace(/^<\?xml[^>]*>\s*/, '');
    const tile = `<g transform="scale(${n(tilePx / art.tileSize)})">${inner}</g>`;
    png = await svgToPng(repeatSvg(tile, widthPx, heightPx, tilePx, rotation), widthPx, area.dpi);
  } else if (rotation === 0) {
    png = await tileRaster(art.png, widthPx, heightPx, widthPx / tilePx, area.dpi);
  } else {
    const href = `data:image/png;base64,${art.png.toString('base64')}`;
    const tile = `<image href="${href}" width="${n(tilePx)}" height="${n(tilePx)}" preserveAspectRatio="none"/>`;
    png = await svgToPng(repeatSvg(tile, widthPx, heightPx, tilePx, rotation), widthPx, area.dpi);
  }
  return png;
}

/** Where each placed print goes in its area, by placement (none for all-over products). */
export function printPositionsOf(
  product: Product,
  options: PrintOptions,
): Record<string, PrintPosition> | undefined {
  const { placement } = options;
  if (!placement || productGeometry(product.id, product.category).printKind !== 'placed') return undefined;
  return Object.fromEntries(
    product.printAreas.map((area) => {
      const { widthPx, heightPx } = printFileSize(area, options);
      const position = {
        areaWidth: area.widthPx,
        areaHeight: area.heightPx,
        width: widthPx,
        height: heightPx,
        top: Math.round(placement.y),
        left: Math.round(placement.x),
      };
      return [area.placement, position];
    }),
  );
}

export const printFileKey = (
  art: Pick<DesignArtwork, 'designId' | 'seed'>,
  productId: string,
  placement: string,
  options: PrintOptions = {},
) =>
  designFileKey(art.designId, art.seed, `print/${productId}-${placement}${printOptionsSuffix(options)}.png`);

/** Print files are rendered once per (design seed, product, placement, print options) and kept in storage. */
export class PrintFiles {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly storage: FileStorage) {}

  /** Storage keys of the product's print files by placement, rendering the missing ones. */
  async ensure(
    art: DesignArtwork,
    product: Product,
    options: PrintOptions = {},
  ): Promise<Record<string, string>> {
    const keys: Record<string, string> = {};
    const placed = productGeometry(product.id, product.category).printKind === 'placed';
    for (const area of product.printAreas) {
      const chosen = placed ? { placement: options.placement } : { repeat: options.repeat };
      const key = printFileKey(art, product.id, area.placement, chosen);
      keys[area.placement] = key;
      if (await this.storage.exists(key)) continue;
      let rendering = this.inFlight.get(key);
      if (!rendering) {
        rendering = renderPrintFile(art, area, chosen)
          .then((png) => this.storage.put(key, png, 'image/png'))
          .finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, rendering);
      }
      await rendering;
    }
    return keys;
  }
}
