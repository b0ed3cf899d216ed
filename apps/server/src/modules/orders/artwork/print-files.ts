import { type PrintArea, type Product, tilesAcrossFor } from '@btb/contracts';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';
import { designFileKey, repeatSvgFromTile, svgToPng, tileRaster, withDpi } from '../../studio/index.ts';
import type { DesignArtwork } from './design-artwork.ts';

/**
 * The print file for one print area at its full pixel size: the vector tile repeated and
 * rasterised (or the raster tile repeated), sRGB, with the area's DPI recorded in the PNG.
 */
export async function renderPrintFile(art: DesignArtwork, area: PrintArea): Promise<Buffer> {
  const across = tilesAcrossFor(area);
  const png =
    art.kind === 'vector'
      ? await svgToPng(
          repeatSvgFromTile(art.tileSvg, art.tileSize, across, area.widthPx, area.heightPx),
          area.widthPx,
        )
      : await tileRaster(art.png, area.widthPx, area.heightPx, across);
  return withDpi(png, area.dpi);
}

export const printFileKey = (
  art: Pick<DesignArtwork, 'designId' | 'seed'>,
  productId: string,
  placement: string,
) => designFileKey(art.designId, art.seed, `print/${productId}-${placement}.png`);

/** Print files are rendered once per (design seed, product, placement) and kept in storage. */
export class PrintFiles {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly storage: FileStorage) {}

  /** Storage keys of the product's print files by placement, rendering the missing ones. */
  async ensure(art: DesignArtwork, product: Product): Promise<Record<string, string>> {
    const keys: Record<string, string> = {};
    for (const area of product.printAreas) {
      const key = printFileKey(art, product.id, area.placement);
      keys[area.placement] = key;
      if (await this.storage.exists(key)) continue;
      let rendering = this.inFlight.get(key);
      if (!rendering) {
        rendering = renderPrintFile(art, area)
          .then((png) => this.storage.put(key, png, 'image/png'))
          .finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, rendering);
      }
      await rendering;
    }
    return keys;
  }
}
