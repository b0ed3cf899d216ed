import { describe, expect, it } from 'vitest';
import { timeCursor } from './cursor.ts';

describe('keyset cursors', () => {
  const position = { at: '2026-12-05 07:17:31.123456+00', id: '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f' };

  it('round-trips a position as an opaque token', () => {
    const token = timeCursor.encode(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(timeCursor.decode(token)).toEqual(position);
  });

  it.each([
    ['not base64 json', 'not a cursor'],
    [
      'a time that is not one',
      Buffer.from(JSON.stringify({ ...position, at: "1' or 1=1" })).toString('base64url'),
    ],
    [
      'an id that is not a uuid',
      Buffer.from(JSON.stringify({ ...position, id: 'abc' })).toString('base64url'),
    ],
    ['a missing field', Buffer.from(JSON.stringify({ id: position.id })).toString('base64url')],
  ])('answers %s with a validation error on `cursor`', (_, raw) => {
    expect(() => timeCursor.decode(raw)).toThrow(
      expect.objectContaining({ status: 400, details: [expect.objectContaining({ path: 'cursor' })] }),
    );
  });
});
