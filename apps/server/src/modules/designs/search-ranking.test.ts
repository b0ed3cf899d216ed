import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';
import { decodeCursor } from './cursor.ts';
import { type ListFilter, RANKED_CANDIDATES, searchJson } from './repository.ts';
import { designs } from './tables.ts';

describe('search in relevance order', () => {
  let t: TestPlatform;
  const total = RANKED_CANDIDATES + 40;
  /** Newest first: every fifth design has the word in its title (ranked higher), the rest in the prompt. */
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestPlatform();
    const now = Date.now();
    const rows = Array.from({ length: total }, (_, i) => {
      const id = randomUUID();
      ids.push(id);
      return {
        id,
        userId: randomUUID(),
        title: i % 5 === 0 ? `Quince ${i}` : `Pattern ${i}`,
        prompt: i % 5 === 0 ? 'a repeat of small fruit' : 'a repeat of small quince fruit',
        category: 'dress' as const,
        style: 'casual' as const,
        status: 'ready' as const,
        isPublic: true,
        createdAt: new Date(now - i * 1000),
      };
    });
    await t.platform.database.db.insert(designs).values(rows);
  }, 60_000);
  afterAll(() => t.cleanup());

  const page = (cursor?: string) =>
    searchJson(t.platform.database.db, {
      scope: 'public',
      q: 'quince',
      sort: 'relevance',
      limit: 24,
      cursor: cursor ? decodeCursor(cursor, 'relevance') : undefined,
    } satisfies ListFilter);

  it('ranks the newest matches, then lists every older match by recency, each once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const result = await page(cursor);
      seen.push(...result.items.map((d) => d.id));
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    const candidates = ids.slice(0, RANKED_CANDIDATES);
    // Among the ranked candidates, title matches (every fifth, newest first) come before prompt matches.
    const titled = candidates.filter((_, i) => i % 5 === 0);
    expect(seen.slice(0, titled.length)).toEqual(titled);
    expect(new Set(seen.slice(0, RANKED_CANDIDATES))).toEqual(new Set(candidates));
    // Older matches follow, newest first, whatever their rank.
    expect(seen.slice(RANKED_CANDIDATES)).toEqual(ids.slice(RANKED_CANDIDATES));
  });
});
