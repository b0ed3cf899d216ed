/**
 * Worker thread that turns SVG into PNG: resvg rasterises, sharp (libvips) encodes the raw pixels
 * with the print resolution in the same pass. It runs beside the API so a print-size render never
 * blocks the event loop. Kept free of TypeScript-only syntax: Node loads it with type stripping in
 * development and as compiled JavaScript in the build.
 */
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';

export interface RenderRequest {
  id: number;
  svg: string;
  widthPx: number;
  dpi?: number;
}

export type RenderReply = { id: number; png: Uint8Array } | { id: number; error: string };

async function render({ svg, widthPx, dpi }: RenderRequest): Promise<Buffer> {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'rgba(255,255,255,0)',
    font: { loadSystemFonts: false },
  }).render();
  // resvg's pixels are premultiplied RGBA; sharp un-premultiplies them before encoding.
  const raw = { width: image.width, height: image.height, channels: 4 as const, premultiplied: true };
  const encoder = sharp(image.pixels, { raw });
  return (dpi ? encoder.withMetadata({ density: dpi }) : encoder).png({ compressionLevel: 6 }).toBuffer();
}

parentPort?.on('message', (request: RenderRequest) => {
  render(request).then(
    (png) => parentPort?.postMessage({ id: request.id, png } satisfies RenderReply),
    (error: unknown) =>
      parentPort?.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) }),
  );
});
