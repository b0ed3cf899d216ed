import sharp from 'sharp';

/**
 * How visible the wrap-around seams of a repeat tile are: the mean colour step across the tile's
 * edges (right edge to left, bottom to top) over the mean step between neighbouring pixels inside
 * it. About 1 for a tile that repeats seamlessly; a visible seam measures several times that.
 */
export interface SeamReport {
  /** The measure of the image as the provider painted it. */
  before: number;
  /** After repair, or the same as `before` when none was needed. */
  after: number;
  repaired: boolean;
  /** `after` is at or below SEAMLESS_AT. */
  seamless: boolean;
}

/** Measured on real tiles: painted repeats stay below ~1.3, a hard seam is 3 and more. */
export const SEAMLESS_AT = 1.5;

/** Blend band at each edge, as a fraction of the tile: wide enough to hide a seam, narrow enough to keep the drawing. */
const BLEND_FRACTION = 0.125;

interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

async function pixelsOf(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), ...info };
}

/** Mean absolute channel difference between pixels (x1, y1) and (x2, y2) over a line of `count`. */
function lineStep(
  p: Pixels,
  from: (i: number) => [number, number],
  to: (i: number) => [number, number],
  count: number,
) {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const [x1, y1] = from(i);
    const [x2, y2] = to(i);
    const a = (y1 * p.width + x1) * p.channels;
    const b = (y2 * p.width + x2) * p.channels;
    for (let c = 0; c < p.channels; c++) sum += Math.abs(p.data[a + c] - p.data[b + c]);
  }
  return sum / (count * p.channels);
}

function discontinuity(p: Pixels): number {
  const { width: w, height: h } = p;
  const wrap =
    (lineStep(
      p,
      (y) => [w - 1, y],
      (y) => [0, y],
      h,
    ) +
      lineStep(
        p,
        (x) => [x, h - 1],
        (x) => [x, 0],
        w,
      )) /
    2;
  // Neighbouring columns and rows at a few places inside the tile: the image's own texture.
  const samples = [0.2, 0.4, 0.6, 0.8];
  let inside = 0;
  for (const f of samples) {
    const x = Math.floor(f * (w - 1));
    const y = Math.floor(f * (h - 1));
    inside +=
      lineStep(
        p,
        (i) => [x, i],
        (i) => [x + 1, i],
        h,
      ) +
      lineStep(
        p,
        (i) => [i, y],
        (i) => [i, y + 1],
        w,
      );
  }
  inside /= samples.length * 2;
  // The constant keeps near-flat images (steps of a fraction of a level) from reading as seams.
  return Math.round(((wrap + 2) / (inside + 2)) * 100) / 100;
}

const smooth = (t: number) => t * t * (3 - 2 * t);

/**
 * Offset-and-blend along one axis: near the tile's edges it crossfades to the same image shifted by
 * half a tile, whose edges are the original's continuous middle; the shifted copy's own seam falls
 * in the middle, where the original is kept. Wrap-around continuity on the other axis is preserved.
 */
function blendAxis(p: Pixels, axis: 'x' | 'y'): Pixels {
  const { width: w, height: h, channels: ch, data } = p;
  const size = axis === 'x' ? w : h;
  const band = Math.max(2, Math.round(size * BLEND_FRACTION));
  const out = new Uint8Array(data.length);
  const half = Math.floor(size / 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const pos = axis === 'x' ? x : y;
      const edge = Math.min(pos, size - 1 - pos);
      // 0 at the edge (all shifted copy) to 1 past the band (all original).
      const keep = edge >= band ? 1 : smooth(edge / band);
      const sx = axis === 'x' ? (x + half) % w : x;
      const sy = axis === 'y' ? (y + half) % h : y;
      const a = (y * w + x) * ch;
      const b = (sy * w + sx) * ch;
      for (let c = 0; c < ch; c++) out[a + c] = Math.round(data[a + c] * keep + data[b + c] * (1 - keep));
    }
  }
  return { ...p, data: out };
}

/** Measures the tile's seams and, when they show, blends them away. Returns a PNG either way. */
export async function makeSeamless(png: Buffer): Promise<{ png: Buffer; seam: SeamReport }> {
  const pixels = await pixelsOf(png);
  const before = discontinuity(pixels);
  if (before <= SEAMLESS_AT) return { png, seam: { before, after: before, repaired: false, seamless: true } };
  const repaired = blendAxis(blendAxis(pixels, 'x'), 'y');
  const after = discontinuity(repaired);
  const out = await sharp(Buffer.from(repaired.data), {
    raw: { width: repaired.width, height: repaired.height, channels: repaired.channels as 3 },
  })
    .png()
    .toBuffer();
  return { png: out, seam: { before, after, repaired: true, seamless: after <= SEAMLESS_AT } };
}

/** The seam measure of a PNG (for tests and reports). */
export const seamDiscontinuity = async (png: Buffer) => discontinuity(await pixelsOf(png));
