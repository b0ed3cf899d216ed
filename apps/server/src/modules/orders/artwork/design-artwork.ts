import type { Design } from '@btb/contracts';
import { invalidState } from '../../../platform/errors.ts';
import type { FileStorage } from '../../../platform/storage/file-storage.ts';

/** A design's repeat tile as stored by the studio: the vector tile, or a raster one. */
export type DesignArtwork =
  | { designId: string; seed: number; kind: 'vector'; tileSvg: string; tileSize: number }
  | { designId: string; seed: number; kind: 'raster'; png: Buffer };

const FILE_URL = /^\/files\/(designs\/([0-9a-f-]{36})\/(\d+)\/([a-z]+)\.(svg|png))$/;

/** Which stored files a design's URLs point at: the tile (modelUrl) or, failing that, the repeat image. */
export function artworkLocation(design: Pick<Design, 'id' | 'modelUrl' | 'imageUrl'>) {
  for (const url of [design.modelUrl, design.imageUrl]) {
    const match = url ? FILE_URL.exec(url) : null;
    if (match && match[2] === design.id) {
      return {
        key: match[1]!,
        seed: Number(match[3]),
        kind: match[5] === 'svg' ? 'vector' : 'raster',
      } as const;
    }
  }
  return null;
}

export function tileSizeOf(svg: string): number {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = /\swidth="([\d.]+)(?:px)?"/.exec(root)?.[1];
  const viewBox = /\sviewBox="[\d.\s-]+?\s([\d.]+)\s[\d.]+"/.exec(root)?.[1];
  const size = Number(width ?? viewBox);
  return Number.isFinite(size) && size > 0 ? size : 512;
}

export async function loadArtwork(
  storage: FileStorage,
  design: Pick<Design, 'id' | 'title' | 'status' | 'modelUrl' | 'imageUrl'>,
): Promise<DesignArtwork> {
  const location = artworkLocation(design);
  if (design.status !== 'ready' || !location) {
    throw invalidState(`Design "${design.title}" has no finished artwork yet`);
  }
  const file = await storage.get(location.key);
  if (!file) throw invalidState(`Design "${design.title}" has lost its artwork file`);
  if (location.kind === 'vector') {
    const tileSvg = file.body.toString('utf8');
    return {
      designId: design.id,
      seed: location.seed,
      kind: 'vector',
      tileSvg,
      tileSize: tileSizeOf(tileSvg),
    };
  }
  return { designId: design.id, seed: location.seed, kind: 'raster', png: file.body };
}
