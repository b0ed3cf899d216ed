import { z } from 'zod';
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
export const decodeCursor = (raw: string, sort: string): Cursor =>
  codec.decode(raw, (cursor) => cursor.sort === sort);
