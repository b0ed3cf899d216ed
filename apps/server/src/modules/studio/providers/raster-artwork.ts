import sharp from 'sharp';
import type { GeneratedArtwork } from './design-generator.ts';
import { GeneratorError } from './design-generator.ts';
import { makeSeamless } from './seamless-tile.ts';

/** Far above any generated image (a 2048² PNG is a few MB); guards memory against a bad response. */
const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

type RasterArtwork = Extract<GeneratedArtwork, { kind: 'raster' }>;

/**
 * Checks that the bytes are an image and returns them as PNG with their pixel size, made to repeat
 * without a visible seam when the provider's image does not (models often ignore "tileable").
 * Providers may answer in JPEG or WebP; everything downstream (storage, mock-ups, print files) expects PNG.
 */
export async function toRasterArtwork(provider: string, bytes: Buffer): Promise<RasterArtwork> {
  const metadata = await sharp(bytes)
    .metadata()
    .catch((error: unknown) => {
      throw new GeneratorError(`${provider} returned something that is not an image`, {
        retryable: true,
        cause: error,
      });
    });
  if (!metadata.width || !metadata.height) {
    throw new GeneratorError(`${provider} returned an image without dimensions`, { retryable: true });
  }
  const asPng = metadata.format === 'png' ? bytes : await sharp(bytes).png().toBuffer();
  const { png, seam } = await makeSeamless(asPng);
  return { kind: 'raster', png, width: metadata.width, height: metadata.height, seam };
}

/** Downloads a generated image at once (provider output URLs expire). Network failures are retryable. */
export async function downloadImage(
  provider: string,
  url: string,
  options: { signal: AbortSignal; timeoutMs: number },
): Promise<Buffer> {
  const fail = (reason: string, retryable: boolean, cause?: unknown) =>
    new GeneratorError(`Could not download the ${provider} image: ${reason}`, { retryable, cause });
  try {
    const response = await fetch(url, {
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw fail(`HTTP ${response.status}`, true);
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_IMAGE_BYTES) {
      await response.body?.cancel();
      throw fail(`it is too large (${declared} bytes)`, false);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_IMAGE_BYTES) throw fail(`it is too large (${bytes.length} bytes)`, false);
    return bytes;
  } catch (error) {
    if (error instanceof GeneratorError) throw error;
    const reason = options.signal.aborted ? 'the download was cancelled' : (error as Error).message;
    throw fail(reason, true, error);
  }
}
