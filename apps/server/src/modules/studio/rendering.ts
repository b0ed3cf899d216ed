import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import type { MockupRequest, RenderReply, RenderRequest } from './render-worker.ts';

/**
 * The render worker's file: beside this module in the sources, and beside the chunk this module
 * lands in (or in `chunks/` under the entry point) in the compiled build.
 */
function renderWorkerFile(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./render-worker.ts', import.meta.url);
  const candidates = [
    new URL('./render-worker.js', import.meta.url),
    new URL('./chunks/render-worker.js', import.meta.url),
  ];
  return candidates.find((url) => existsSync(fileURLToPath(url))) ?? candidates[0];
}

/** A mockup's layers for a render worker to composite (without the id the pool assigns). */
export type MockupComposite = Omit<MockupRequest, 'id' | 'kind'>;

interface PendingRender {
  request: RenderRequest | MockupRequest;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * A few worker threads that rasterise SVGs (resvg) and encode them (sharp), one render each at a
 * time: rasterising and PNG encoding take hundreds of milliseconds at print size and would
 * otherwise run on the event loop. Idle workers do not keep the process alive.
 */
class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, PendingRender>();
  private readonly queue: PendingRender[] = [];
  private nextId = 1;

  constructor(private readonly size: number) {}

  render(svg: string, widthPx: number, dpi?: number, repeat?: RenderRequest['repeat']): Promise<Buffer> {
    return this.enqueue({ id: this.nextId++, svg, widthPx, dpi, repeat });
  }

  composite(mockup: MockupComposite): Promise<Buffer> {
    return this.enqueue({ ...mockup, id: this.nextId++, kind: 'mockup' });
  }

  private enqueue(request: RenderRequest | MockupRequest): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch() {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift();
      if (!job) return;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.request);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(renderWorkerFile());
    worker.on('message', (reply: RenderReply) => {
      const job = this.busy.get(worker);
      if (!job || job.request.id !== reply.id) return;
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if ('error' in reply) job.reject(new Error(`render failed: ${reply.error}`));
      else job.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      this.dispatch();
    });
    // A worker that dies takes only its own render with it; the next render starts a new one.
    const lost = (error: Error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      job?.reject(error);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`render worker exited with code ${code}`)));
    return worker;
  }
}

const renderPool = new RenderPool(Math.min(4, Math.max(2, os.availableParallelism())));

/**
 * SVG → PNG in a render worker, with `dpi` recorded in the PNG (pHYs) when given: the event loop
 * only posts the SVG and receives the encoded file.
 */
export const svgToPng = (svg: string, widthPx: number, dpi?: number): Promise<Buffer> =>
  renderPool.render(svg, widthPx, dpi);

/**
 * A seamless SVG tile repeated over width × height, `tilesAcross` times across, as a PNG (`dpi`
 * recorded when given). The tile is rasterised once, at a whole number of pixels so the repeat
 * has no resampled seams, and libvips repeats it: at print size this is a few times faster than
 * rasterising the whole area, and the files are the same to the eye.
 */
export function repeatToPng(
  tileSvg: string,
  tilesAcross: number,
  widthPx: number,
  heightPx: number,
  dpi?: number,
): Promise<Buffer> {
  const tilePx = Math.max(1, Math.round(widthPx / tilesAcross));
  const svg = tileSvg.replace(/^<\?xml[^>]*>\s*/, '');
  return renderPool.render(svg, tilePx, dpi, { width: widthPx, height: heightPx });
}

/**
 * A mockup composited in a render worker: the product's layers are rasterised once per worker and
 * kept, the design's tile once per width, so a new mockup rasterises only its print layer.
 */
export const compositeMockup = (mockup: MockupComposite): Promise<Buffer> => renderPool.composite(mockup);

/** PNG → a ~512 px WebP thumbnail (sharp, also off the event loop). */
export const thumbnailOf = (png: Buffer, sizePx = 512) =>
  sharp(png).resize(sizePx, sizePx, { fit: 'cover' }).webp({ quality: 82 }).toBuffer();

/**
 * Tiles a raster repeat to cover width × height (for designs that came from an AI provider), sRGB,
 * with `dpi` recorded in the PNG when given.
 */
export async function tileRaster(
  png: Buffer,
  widthPx: number,
  heightPx: number,
  tilesAcross: number,
  dpi?: number,
): Promise<Buffer> {
  const tileSize = Math.ceil(widthPx / tilesAcross);
  const tile = await sharp(png).resize(tileSize, tileSize, { fit: 'cover' }).png().toBuffer();
  const composites = [];
  for (let y = 0; y < heightPx; y += tileSize) {
    for (let x = 0; x < widthPx; x += tileSize) composites.push({ input: tile, left: x, top: y });
  }
  const canvas = sharp({ create: { width: widthPx, height: heightPx, channels: 4, background: '#ffffff' } })
    .composite(composites)
    .toColorspace('srgb');
  return (dpi ? canvas.withMetadata({ density: dpi }) : canvas).png().toBuffer();
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
