import { z } from 'zod';
import { validationFailed } from '../errors.ts';

/**
 * Opaque keyset cursors: a position (the last item's sort keys and id) as base64url JSON. Decoding
 * checks the shape with a schema, so a crafted cursor is a 400 naming `cursor`, never a value that
 * reaches the database.
 */
export function cursorCodec<S extends z.ZodType>(schema: S) {
  return {
    encode: (position: z.infer<S>): string => Buffer.from(JSON.stringify(position)).toString('base64url'),
    /** `accepts` refuses a well-formed position that belongs to another list (another sort). */
    decode: (raw: string, accepts: (position: z.infer<S>) => boolean = () => true): z.infer<S> => {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
      } catch {
        json = undefined;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success || !accepts(parsed.data))
        throw validationFailed([
          { path: 'cursor', message: 'is not a cursor from this list; start again without it' },
        ]);
      return parsed.data;
    },
  };
}

/** The position of lists ordered newest first on (created_at, id); `at` keeps PostgreSQL's microseconds. */
export const timeCursor = cursorCodec(
  z.object({
    at: z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/),
    id: z.uuid(),
  }),
);
