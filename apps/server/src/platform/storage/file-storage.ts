/** Object storage for generated files. Keys are relative paths such as `designs/<id>/tile.svg`. */
export interface StoredFile {
  body: Buffer;
  contentType: string;
}

export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  /** Deletes every object whose key starts with the prefix. */
  deletePrefix(prefix: string): Promise<void>;
  ping(): Promise<void>;
}

/** Keys come from our own code, but a key must never escape the storage root. */
export function assertSafeKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(key) || key.includes('..') || key.includes('//')) {
    throw new Error(`unsafe storage key: ${key}`);
  }
  return key;
}

/** The public path our HTTP server serves a stored file under. */
export const publicFileUrl = (key: string) => `/files/${key}`;
