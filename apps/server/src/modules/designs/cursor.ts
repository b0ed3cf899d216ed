import { z } from 'zod';
import { validationFailed } from '../../platform/errors.ts';
import { cursorCodec } from '../../platform/http/cursor.ts';

/** Keyset position in a gallery sort: the sort key values of the last item and its id. */
const codec = cursorCodec(
  z.object({
    sort: z.string(),
    values: z.array(z.union([z.string().max(200), z.number()])).max(4),
    id: z.uuid(),
  }),
);
export type Cursor = ReturnType<typeof codec.decode>;

export const encodeCursor = codec.encode;

/** A cursor of this sort only: one from another sort would compare the wrong keys. */
export function decodeCursor(raw: string, sort: string): Cursor {
  const cursor = codec.decode(raw);
  if (cursor.sort !== sort)
    throw validationFailed([
      { path: 'cursor', message: 'is not a cursor from this list; start again without it' },
    ]);
  return cursor;
}
