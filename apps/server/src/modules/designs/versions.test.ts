import type { Design, DesignVersion, DesignVersionList } from '@btb/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesign, designBody, type Session, signUp, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { designs, designVersions } from './tables.ts';

describe('design versions: candidates, variations and restoring', () => {
  let t: TestApp;
  let owner: Session;
  let other: Session;

  beforeAll(async () => {
    // Three designs an hour: four candidates per prompt must count as one design, not four.
    t = await createTestApp({ env: { RATE_LIMIT_AUTH_MAX: '1000', RATE_LIMIT_DESIGNS_PER_HOUR: '3' } });
    [owner, other] = await Promise.all([signUp(t.app, 'Owner'), signUp(t.app, 'Other')]);
  });
  afterAll(() => t.close());

  const get = (url: string, session?: Session) => t.app.inject({ url, headers: session?.auth });
  const versionsOf = async (id: string, session = owner) =>
    (await get(`/api/designs/${id}/versions`, session)).json() as DesignVersionList;
  const select = (id: string, versionId: string, session: Session | null = owner) =>
    t.app.inject({
      method: 'POST',
      url: `/api/designs/${id}/versions/${versionId}/select`,
      headers: session?.auth,
    });
  const ready = async (id: string) =>
    until(async () => (await get(`/api/designs/${id}`, owner)).json().status === 'ready', 30_000);

  let design: Design;

  it('draws four candidates for one prompt, counted once against the hourly limit', async () => {
    design = await createDesign(t.app, owner, { isPublic: false });
    const queued = await versionsOf(design.id);
    expect(queued.candidatesPerPrompt).toBe(4);
    expect(queued.items.map((v) => [v.number, v.kind, v.status])).toEqual([
      [1, 'candidate', 'queued'],
      [2, 'candidate', 'queued'],
      [3, 'candidate', 'queued'],
      [4, 'candidate', 'queued'],
    ]);
    expect(new Set(queued.items.map((v) => v.seed)).size).toBe(4);

    expect(await ready(design.id)).toBe(true);
    // The design turns ready with every candidate drawn, the first one current.
    const drawn = await versionsOf(design.id);
    expect(drawn.items.every((v) => v.status === 'ready' && v.thumbnailUrl && v.quality)).toBe(true);
    expect(new Set(drawn.items.map((v) => v.imageUrl)).size).toBe(4);
    expect(drawn.items.map((v) => v.current)).toEqual([true, false, false, false]);
    const current = (await get(`/api/designs/${design.id}`, owner)).json() as Design;
    expect(current.imageUrl).toBe(drawn.items[0]!.imageUrl);
    // The drawn palette is shown; what the owner asked for (no colours: the words lead) is kept for variations.
    expect(current.colors.length).toBeGreaterThan(0);
    const [row] = await t.platform.database.db
      .select({ requested: designs.requestedColors })
      .from(designs)
      .where(eq(designs.id, design.id));
    expect(row!.requested).toEqual([]);

    // The limit is 3 an hour: three prompts pass, the fourth is refused.
    const maker = await signUp(t.app, 'Maker');
    for (let i = 0; i < 3; i++) await createDesign(t.app, maker);
    const over = await t.app.inject({
      method: 'POST',
      url: '/api/designs',
      headers: maker.auth,
      payload: designBody(),
    });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
  });

  it('picks a candidate: the design shows, prints and sells that one', async () => {
    const { items } = await versionsOf(design.id);
    const third = items[2]!;
    const res = await select(design.id, third.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ready',
      imageUrl: third.imageUrl,
      modelUrl: third.modelUrl,
      thumbnailUrl: third.thumbnailUrl,
      previewUrl: third.previewUrl,
    });
    expect((await get(`/api/designs/${design.id}`, owner)).json().imageUrl).toBe(third.imageUrl);
    expect((await versionsOf(design.id)).items.map((v) => v.current)).toEqual([false, false, true, false]);
    // Choosing again is harmless.
    expect((await select(design.id, third.id)).statusCode).toBe(200);
  });

  it('adds a variation to the history instead of overwriting, and restores an earlier one', async () => {
    const before = await versionsOf(design.id);
    const regen = await t.app.inject({
      method: 'POST',
      url: `/api/designs/${design.id}/regenerate`,
      headers: owner.auth,
    });
    expect(regen.statusCode).toBe(202);
    expect(regen.json().status).toBe('queued');
    // While it is drawn, nothing can be chosen.
    const busy = await select(design.id, before.items[0]!.id);
    if (busy.statusCode !== 200) {
      expect(busy.statusCode).toBe(422);
      expect(busy.json()).toMatchObject({ code: 'invalid_state', error: expect.any(String) });
    }
    expect(await ready(design.id)).toBe(true);
    const after = await versionsOf(design.id);
    expect(after.items).toHaveLength(5);
    const variation = after.items[4]!;
    expect(variation).toMatchObject({ number: 5, kind: 'variation', status: 'ready', current: true });
    // Earlier versions are untouched.
    expect(after.items.slice(0, 4).map((v) => v.imageUrl)).toEqual(before.items.map((v) => v.imageUrl));
    expect((await get(`/api/designs/${design.id}`, owner)).json().imageUrl).toBe(variation.imageUrl);

    const restored = await select(design.id, before.items[1]!.id);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().imageUrl).toBe(before.items[1]!.imageUrl);
    expect((await versionsOf(design.id)).items.find((v) => v.current)!.number).toBe(2);
  });

  it('keeps the history to its owner and answers bad input with the documented error shape', async () => {
    const { items } = await versionsOf(design.id);
    const url = `/api/designs/${design.id}/versions`;
    // Private: it does not exist for others.
    expect((await get(url, other)).statusCode).toBe(404);
    expect((await get(url, other)).json()).toMatchObject({ code: 'not_found', error: expect.any(String) });
    expect((await select(design.id, items[0]!.id, other)).statusCode).toBe(404);
    expect((await get(url)).statusCode).toBe(401);
    expect((await select(design.id, items[0]!.id, null)).statusCode).toBe(401);

    // Public: visible, but its history and choices stay the owner's.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/designs/${design.id}`,
      headers: owner.auth,
      payload: { isPublic: true },
    });
    expect((await get(`/api/designs/${design.id}`, other)).statusCode).toBe(200);
    const peek = await get(url, other);
    expect(peek.statusCode).toBe(403);
    expect(peek.json()).toMatchObject({ code: 'forbidden', error: expect.any(String) });
    expect((await select(design.id, items[0]!.id, other)).statusCode).toBe(403);

    const malformed = await select(design.id, 'not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed', error: expect.any(String) });
    expect(malformed.json().details.map((d: { path: string }) => d.path)).toContain('versionId');

    // Another design's version is not this design's.
    const [foreign] = await t.platform.database.db
      .select({ id: designVersions.id })
      .from(designVersions)
      .where(eq(designVersions.number, 1))
      .limit(10)
      .then((rows) => rows.filter((r) => !items.some((v) => v.id === r.id)));
    const unknown = await select(design.id, foreign?.id ?? '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
  });

  it('refuses a version that has no drawing, and shows what could not be drawn per version', async () => {
    const { items } = await versionsOf(design.id);
    const db = t.platform.database.db;
    await db
      .update(designVersions)
      .set({ status: 'failed', failureReason: 'The model declined this prompt' })
      .where(eq(designVersions.id, items[3]!.id));
    const failed = await select(design.id, items[3]!.id);
    expect(failed.statusCode).toBe(422);
    expect(failed.json()).toMatchObject({ code: 'invalid_state', error: expect.stringContaining('4') });

    const fidelity = {
      motifs: [
        { named: 'toucans', drawn: 'parrot', match: 'closest' },
        { named: 'glorp', drawn: null, match: 'none' },
      ],
      message: "We couldn't draw 'toucans' — we used 'parrot'. We couldn't draw 'glorp'.",
    };
    const credits = [
      { set: 'Noto Emoji', author: 'Google', license: 'Apache-2.0', url: null, drawings: ['parrot'] },
    ];
    const target = items[0]!;
    const [row] = await db
      .select({ params: designVersions.generationParams })
      .from(designVersions)
      .where(and(eq(designVersions.designId, design.id), eq(designVersions.id, target.id)));
    await db
      .update(designVersions)
      .set({ generationParams: { ...(row!.params as object), fidelity, credits } })
      .where(eq(designVersions.id, target.id));
    const listed = (await versionsOf(design.id)).items.find((v) => v.id === target.id) as DesignVersion;
    expect(listed.fidelity).toEqual(fidelity);
    expect(listed.credits).toEqual(credits);
    // Choosing it carries its record to the design, which the studio and the design page show.
    const chosen = (await select(design.id, target.id)).json() as Design;
    expect(chosen.fidelity).toEqual(fidelity);
    expect(chosen.credits).toEqual(credits);
    const [stored] = await db.select({ seed: designs.seed }).from(designs).where(eq(designs.id, design.id));
    expect(stored!.seed).toBe(target.seed);
  });
});
