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
  /**
   * The SVG is one seamless tile, drawn `widthPx` wide and repeated by libvips to fill this size:
   * a print file costs one tile's rasterising instead of the whole area's.
   */
  repeat?: { width: number; height: number };
}

/**
 * A mockup to composite: SVG layers of one size laid over `base` with their blend modes. Layers
 * marked `keep` (the product's drawing, the same for every design) are rasterised once per worker
 * and reused. The print layer names its tile as `{{tile}}`: the tile is rasterised once per design
 * and width, to `tile.px` pixels, and embedded.
 */
export interface MockupRequest {
  id: number;
  kind: 'mockup';
  width: number;
  height: number;
  base: string;
  layers: { svg: string; blend: 'multiply' | 'screen' | 'over' }[];
  /**
   * The print, as a repeat of the design's tile laid in where `mask` (white) allows and inside
   * `rect` (output pixels) when given; the tile is `tile.size` output pixels wide, its first copy
   * at `origin`, turned by `rotation` degrees about it.
   */
  print?: {
    mask: string;
    rect: { x: number; y: number; width: number; height: number } | null;
    origin: { x: number; y: number };
    rotation: number;
    tile: { key: string; size: number; svg?: string; png?: Uint8Array };
  };
}

export type RenderReply = { id: number; png: Uint8Array } | { id: number; error: string };

async function render({ svg, widthPx, dpi, repeat }: RenderRequest): Promise<Buffer> {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'rgba(255,255,255,0)',
    font: { loadSystemFonts: false },
  }).render();
  // resvg's pixels are premultiplied RGBA; sharp un-premultiplies them before encoding. A tile to
  // repeat is un-premultiplied first, on its own pixels: in the repeat's pipeline libvips would do
  // it over the whole print area, in floating point (a print file took 1.4× as long).
  const raw = { width: image.width, height: image.height, channels: 4 as const, premultiplied: true };
  let encoder = sharp(image.pixels, { raw });
  if (repeat) {
    const straight = await encoder.raw().toBuffer();
    encoder = sharp(straight, { raw: { width: image.width, height: image.height, channels: 4 } });
    const width = Math.max(repeat.width, image.width);
    const height = Math.max(repeat.height, image.height);
    const right = width - image.width;
    const bottom = height - image.height;
    if (right > 0 || bottom > 0) encoder = encoder.extend({ right, bottom, extendWith: 'repeat' });
    if (width !== repeat.width || height !== repeat.height) {
      // A tile larger than the file: repeated first, then cut (sharp would cut before repeating).
      const { data, info } = await encoder.raw().toBuffer({ resolveWithObject: true });
      encoder = sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).extract({
        left: 0,
        top: 0,
        width: repeat.width,
        height: repeat.height,
      });
    }
  }
  return (dpi ? encoder.withMetadata({ density: dpi }) : encoder).png({ compressionLevel: 6 }).toBuffer();
}

interface Raster {
  pixels: Buffer;
  width: number;
  height: number;
}

/**
 * A product's drawing, reduced so a print can be laid in with one multiply-add per pixel:
 * the finished mockup without a print (`plain`), the garment beneath (`base`), `keep`, what
 * share of a print's colour survives the shade, light and trim layers, and where a print may
 * show (`mask`), all 0–255.
 */
interface Drawing {
  width: number;
  height: number;
  plain: Uint8Array;
  base: Uint8Array;
  keep: Uint8Array;
  mask: Uint8Array | null;
}

interface Tile {
  pixels: Buffer;
  size: number;
}

/** Bounded maps, oldest first out: the product drawings and design tiles this worker has drawn. */
const drawings = new Map<string, Drawing>();
const tiles = new Map<string, Tile>();
function remember<T>(map: Map<string, T>, key: string, value: T, max: number) {
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as string);
  return value;
}

function rasterise(svg: string, width: number): Raster {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: 'rgba(255,255,255,0)',
    font: { loadSystemFonts: false },
  }).render();
  return { pixels: image.pixels, width: image.width, height: image.height };
}

/**
 * Shade (black, multiplied), light (white, screened) and trim (drawn over) turn a colour P into
 * ((P·(1−s))·(1−l) + l)·(1−t) + T: a factor and an offset per pixel. With premultiplied pixels
 * (s, l and t their alphas; T the trim's colour), that is P·keep + plain − base·keep.
 */
/**
 * A soft layer (blurred creases or highlights, read only for its alpha) drawn at half the width
 * and enlarged: blurring costs by the pixel, and the result is as smooth.
 */
async function softLayer(svg: string, width: number, height: number): Promise<Raster> {
  const half = rasterise(svg, Math.ceil(width / 2));
  const pixels = await sharp(half.pixels, {
    raw: { width: half.width, height: half.height, channels: 4, premultiplied: true },
  })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer();
  return { pixels, width, height };
}

async function drawingOf(request: MockupRequest): Promise<Drawing> {
  const maskSvg = request.print?.mask ?? '';
  const key = `${request.width}:${request.base}${request.layers.map((l) => l.svg).join('')}${maskSvg}`;
  const hit = drawings.get(key);
  if (hit) {
    drawings.delete(key);
    drawings.set(key, hit);
    return hit;
  }
  const base = rasterise(request.base, request.width);
  const of = (blend: string) => request.layers.find((l) => l.blend === blend);
  const none = { pixels: Buffer.alloc(base.pixels.length) };
  const soft = (l: MockupRequest['layers'][number] | undefined) =>
    l ? softLayer(l.svg, base.width, base.height) : none;
  const [shade, light] = (await Promise.all([soft(of('multiply')), soft(of('screen'))])) as [Raster, Raster];
  const trimLayer = of('over');
  const trim = trimLayer ? rasterise(trimLayer.svg, request.width) : none;
  const count = base.width * base.height;
  const plain = new Uint8Array(count * 3);
  const under = new Uint8Array(count * 3);
  const keep = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const s = shade.pixels[i * 4 + 3]! / 255;
    const l = light.pixels[i * 4 + 3]! / 255;
    const t = trim.pixels[i * 4 + 3]! / 255;
    const k = (1 - s) * (1 - l) * (1 - t);
    keep[i] = Math.round(k * 255);
    for (let ch = 0; ch < 3; ch++) {
      const b = base.pixels[i * 4 + ch]!;
      under[i * 3 + ch] = b;
      plain[i * 3 + ch] = Math.min(255, Math.round(b * k + 255 * l * (1 - t) + trim.pixels[i * 4 + ch]!));
    }
  }
  let mask: Uint8Array | null = null;
  if (maskSvg) {
    const m = rasterise(maskSvg, request.width).pixels;
    mask = new Uint8Array(count);
    for (let i = 0; i < count; i++) mask[i] = m[i * 4 + 3]!;
  }
  const drawing = { width: base.width, height: base.height, plain, base: under, keep, mask };
  // About 8 bytes a pixel, at most ~96 MB a worker: a dozen 1000 px drawings, more at smaller widths.
  return remember(drawings, key, drawing, Math.max(6, Math.floor(96e6 / (count * 8))));
}

/** The design's tile at `size` pixels (un-premultiplied RGBA): drawn once per width, then repeated. */
async function tileOf(tile: NonNullable<MockupRequest['print']>['tile']): Promise<Tile> {
  const size = Math.max(1, Math.ceil(tile.size));
  const key = `${tile.key}@${size}`;
  const hit = tiles.get(key);
  if (hit) return hit;
  const source = tile.svg
    ? sharp(rasterise(tile.svg, size).pixels, {
        raw: { width: size, height: size, channels: 4, premultiplied: true },
      })
    : sharp(tile.png!).resize(size, size, { fit: 'cover' });
  const pixels = await source.ensureAlpha().raw().toBuffer();
  return remember(tiles, key, { pixels, size }, 64);
}

async function composite(request: MockupRequest): Promise<Buffer> {
  const drawing = await drawingOf(request);
  const out = Buffer.from(drawing.plain);
  const print = request.print;
  if (print && drawing.mask) {
    const tile = await tileOf(print.tile);
    const { base, keep, mask, width, height } = drawing;
    const r = print.rect ?? { x: 0, y: 0, width, height };
    const x0 = Math.max(0, Math.floor(r.x));
    const y0 = Math.max(0, Math.floor(r.y));
    const x1 = Math.min(width, Math.ceil(r.x + r.width));
    const y1 = Math.min(height, Math.ceil(r.y + r.height));
    // Output pixel → tile pixel: back about the origin by the turn, then into the tile's pixels.
    const turn = (-print.rotation * Math.PI) / 180;
    const k = tile.size / print.tile.size;
    const cos = Math.cos(turn) * k;
    const sin = Math.sin(turn) * k;
    const n = tile.size;
    const px = tile.pixels;
    for (let y = y0; y < y1; y++) {
      const dy = y + 0.5 - print.origin.y;
      for (let x = x0; x < x1; x++) {
        const i = y * width + x;
        const m = mask[i]!;
        if (m === 0) continue;
        const dx = x + 0.5 - print.origin.x;
        let u = Math.floor(dx * cos - dy * sin) % n;
        let v = Math.floor(dx * sin + dy * cos) % n;
        if (u < 0) u += n;
        if (v < 0) v += n;
        const t = (v * n + u) * 4;
        const a = (px[t + 3]! * m) / 255;
        const kk = keep[i]! / 255;
        for (let ch = 0; ch < 3; ch++) {
          const j = i * 3 + ch;
          // The print over the garment, through the cloth's shading: plain + (print − base)·a·keep.
          const val = out[j]! + (px[t + ch]! - base[j]!) * (a / 255) * kk;
          out[j] = val < 0 ? 0 : val > 255 ? 255 : val + 0.5;
        }
      }
    }
  }
  return sharp(out, { raw: { width: drawing.width, height: drawing.height, channels: 3 } })
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .toBuffer();
}

parentPort?.on('message', (request: RenderRequest | MockupRequest) => {
  ('kind' in request ? composite(request) : render(request)).then(
    (png) => parentPort?.postMessage({ id: request.id, png } satisfies RenderReply),
    (error: unknown) =>
      parentPort?.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) }),
  );
});
