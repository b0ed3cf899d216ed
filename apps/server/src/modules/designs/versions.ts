import type { DesignVersion } from '@btb/contracts';
import { getTableColumns } from 'drizzle-orm';
import { fidelityOf } from './repository.ts';
import { designVersions } from './tables.ts';

export type DesignVersionRow = typeof designVersions.$inferSelect;

export const versionColumns = getTableColumns(designVersions);

/** A version as the API shows it; `currentSeed` is the design's, which marks the version in use. */
export function toDesignVersion(row: DesignVersionRow, currentSeed: number): DesignVersion {
  return {
    id: row.id,
    designId: row.designId,
    number: row.number,
    kind: row.kind as DesignVersion['kind'],
    seed: row.seed,
    status: row.status as DesignVersion['status'],
    failureReason: row.failureReason,
    imageUrl: row.imageUrl,
    modelUrl: row.modelUrl,
    thumbnailUrl: row.thumbnailUrl,
    previewUrl: row.previewUrl,
    colors: row.colors,
    aiModel: row.aiModel,
    quality: (row.quality ?? null) as DesignVersion['quality'],
    ...fidelityOf(row.generationParams as Record<string, unknown>),
    current: row.seed === currentSeed,
    createdAt: row.createdAt.toISOString(),
  };
}
