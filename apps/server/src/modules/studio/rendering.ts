import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';

/**
 * SVG → PNG with resvg's async API, which renders on libuv's thread pool: a large print file
 * does not stall the event loop (and so other requests).
 */
export async function svgToPng(svg: string, widthPx: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'rgba(255,255,255,0)',
    font: { loadSystemFonts: false },
  });
  return Buffer.from(image.asPng());
}

/** PNG → a ~512 px WebP thumbnail (sharp, also off the event loop). */
export const thumbnailOf = (png: Buffer, sizePx = 512) =>
  sharp(png).resize(sizePx, sizePx, { fit: 'cover' }).webp({ quality: 82 }).toBuffer();

/** Records the print resolution in the PNG (pHYs) and forces sRGB, as print providers expect. */
export const withDpi = (png: Buffer, dpi: number) =>
  sharp(png).toColorspace('srgb').withMetadata({ density: dpi }).png({ compressionLevel: 6 }).toBuffer();

/** Tiles a raster repeat to cover width × height (for designs that came from an AI provider). */
export async function tileRaster(
  png: Buffer,
  widthPx: number,
  heightPx: number,
  tilesAcross: number,
): Promise<Buffer> {
  const tileSize = Math.ceil(widthPx / tilesAcross);
  const tile = await sharp(png).resize(tileSize, tileSize, { fit: 'cover' }).png().toBuffer();
  const composites = [];
  for (let y = 0; y < heightPx; y += tileSize) {
    for (let x = 0; x < widthPx; x += tileSize) composites.push({ input: tile, left: x, top: y });
  }
  return sharp({ create: { width: widthPx, height: heightPx, channels: 4, background: '#ffffff' } })
    .composite(composites)
    .png()
    .toBuffer();
}

/** The most common colour of an image, as #rrggbb. */
export async function dominantColor(png: Buffer): Promise<string> {
  const { dominant } = await sharp(png).stats();
  return `#${[dominant.r, dominant.g, dominant.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A small PNG data URI of an image, for embedding as a pattern in an SVG mock-up. */
export async function pngDataUri(png: Buffer, sizePx: number): Promise<string> {
  const small = await sharp(png).resize(sizePx, sizePx, { fit: 'cover' }).png().toBuffer();
  return `data:image/png;base64,${small.toString('base64')}`;
}
