import { validationFailed } from '../../platform/errors.ts';

/** Keyset position: the sort key values of the last item and its id, opaque to clients. */
export interface Cursor {
  sort: string;
  values: (string | number)[];
  id: string;
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeCursor(raw: string, sort: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (cursor.sort !== sort || !Array.isArray(cursor.values) || typeof cursor.id !== 'string')
      throw new Error();
    return cursor;
  } catch {
    throw validationFailed([
      { path: 'cursor', message: 'is not a cursor from this list; start again without it' },
    ]);
  }
}
