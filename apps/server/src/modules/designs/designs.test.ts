import { randomUUID } from 'node:crypto';
import { type Design, designSchema, pageOf } from '@btb/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../platform/bus/events.ts';
import { createDesign, designBody, type Session, signUp, until } from '../../testing/fixtures.ts';
import { serializerFor } from '../../platform/http/serializers.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { listDesigns, toDesign } from './repository.ts';
import { designs } from './tables.ts';

describe('designs', () => {
  let t: TestApp;
  let owner: Session;
  let other: Session;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_AUTH_MAX: '1000', RATE_LIMIT_DESIGNS_PER_HOUR: '1000' } });
    [owner, other] = await Promise.all([signUp(t.app, 'Owner'), signUp(t.app, 'Other')]);
  });
  afterAll(() => t.close());

  /** Ready, public designs written straight to the table: gallery tests need many, fast. */
  async function seedReady(count: number, fields: Partial<typeof designs.$inferInsert> = {}) {
    const rows = Array.from({ length: count }, (_, i) => ({
      userId: owner.userId,
      title: `Seeded ${i}`,
      prompt: 'a seeded pattern for gallery tests',
      category: 'shirt' as const,
      style: 'casual' as const,
      status: 'ready' as const,
      isPublic: true,
      ...fields,
    }));
    return t.platform.database.db.insert(designs).values(rows).returning({ id: designs.id });
  }

  const get = (url: string, session?: Session) => t.app.inject({ url, headers: session?.auth });

  it('validates every field of a new design with per-field details', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(101) }, 'title'],
      [{ description: 'x'.repeat(501) }, 'description'],
      [{ prompt: 'too short' }, 'prompt'],
      [{ prompt: 'x'.repeat(1001) }, 'prompt'],
      [{ category: 'hat' }, 'category'],
      [{ style: 'punk' }, 'style'],
      [{ colors: ['#12345G'] }, 'colors.0'],
      [{ colors: ['#111111', '#222222', '#333333', '#444444', '#555555', '#666666'] }, 'colors'],
      [{ isPublic: 'yes' }, 'isPublic'],
      [{ tags: ['<script>'] }, 'tags.0'],
    ];
    for (const [patch, path] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/designs',
        headers: owner.auth,
        payload: { ...designBody(), ...patch },
      });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(
        res.json().details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/designs', payload: designBody() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 202 with a queued design that the studio turns ready, trimming and normalising input', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/designs',
      headers: owner.auth,
      payload: designBody({ title: '  Lemon grove  ', colors: ['#1F2A44'], tags: ['Summer', 'summer'] }),
    });
    expect(res.statusCode).toBe(202);
    const design = res.json() as Design;
    expect(design).toMatchObject({
      status: 'queued',
      title: 'Lemon grove',
      colors: ['#1f2a44'],
      tags: ['summer'],
      isPublic: false,
    });
    expect(
      await until(async () => (await get(`/api/designs/${design.id}`, owner)).json().status === 'ready'),
    ).toBe(true);
    const ready = (await get(`/api/designs/${design.id}`, owner)).json() as Design;
    expect(ready.colors[0]).toBe('#1f2a44');
    expect(ready.tags).toEqual(expect.arrayContaining(['summer', 'lemons']));
  });

  it('hides private designs from everyone but the owner and keeps changes to the owner', async () => {
    const design = await createDesign(t.app, owner, { isPublic: false });
    expect((await get(`/api/designs/${design.id}`, owner)).statusCode).toBe(200);
    expect((await get(`/api/designs/${design.id}`, other)).statusCode).toBe(404);
    expect((await get(`/api/designs/${design.id}`)).statusCode).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/designs/${design.id}`,
      headers: other.auth,
      payload: { title: 'Mine now' },
    });
    expect(patch.statusCode).toBe(404);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/designs/${design.id}`,
      headers: other.auth,
    });
    expect(del.statusCode).toBe(404);
    const like = await t.app.inject({
      method: 'PUT',
      url: `/api/designs/${design.id}/like`,
      headers: other.auth,
    });
    expect(like.statusCode).toBe(404);

    const [shared] = await seedReady(1);
    const steal = await t.app.inject({
      method: 'PATCH',
      url: `/api/designs/${shared!.id}`,
      headers: other.auth,
      payload: { title: 'Mine now' },
    });
    expect(steal.statusCode).toBe(403);
    expect((await get(`/api/designs/${shared!.id}`)).json().title).toBe('Seeded 0');
  });

  it('shows a write on the very next read through the cache', async () => {
    const word = `cachecheck${Date.now().toString(36)}`;
    const [row] = await seedReady(1, { title: 'Before', prompt: `a pattern called ${word}` });
    const url = `/api/designs/${row!.id}`;
    expect((await get(url)).json().title).toBe('Before'); // now cached
    const gallery = () => get(`/api/designs?q=${word}&sort=new`);
    await gallery(); // first gallery page cached too
    const patch = await t.app.inject({
      method: 'PATCH',
      url,
      headers: owner.auth,
      payload: { title: 'After', isPublic: true },
    });
    expect(patch.statusCode).toBe(200);
    expect((await get(url)).json().title).toBe('After');
    expect((await gallery()).json().items.some((d: Design) => d.id === row!.id && d.title === 'After')).toBe(
      true,
    );
    await t.app.inject({ method: 'PATCH', url, headers: owner.auth, payload: { isPublic: false } });
    expect((await get(url)).statusCode).toBe(404);
    expect((await gallery()).json().items.some((d: Design) => d.id === row!.id)).toBe(false);
  });

  it('counts 50 concurrent likes from 50 people exactly, and likes are idempotent', async () => {
    const [row] = await seedReady(1, { title: 'Popular' });
    const fans = await Promise.all(Array.from({ length: 50 }, (_, i) => signUp(t.app, `Fan${i}`)));
    const like = (s: Session, method = 'PUT') =>
      t.app.inject({ method: method as 'PUT', url: `/api/designs/${row!.id}/like`, headers: s.auth });
    const results = await Promise.all(fans.map((s) => like(s)));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect((await get(`/api/designs/${row!.id}`)).json().likes).toBe(50);
    await Promise.all(fans.slice(0, 10).map((s) => like(s))); // again: no change
    expect((await get(`/api/designs/${row!.id}`)).json().likes).toBe(50);
    await Promise.all(fans.slice(0, 5).flatMap((s) => [like(s, 'DELETE'), like(s, 'DELETE')]));
    const after = (await get(`/api/designs/${row!.id}`, fans[0])).json();
    expect(after.likes).toBe(45);
    expect(after.likedByMe).toBe(false);
    expect((await get(`/api/designs/${row!.id}`, fans[7])).json().likedByMe).toBe(true);
  });

  it('counts a view once per viewer per hour, never the owner', async () => {
    const [row] = await seedReady(1);
    const url = `/api/designs/${row!.id}`;
    await get(url, other);
    await get(url, other);
    await get(url, owner);
    expect(await until(async () => (await get(url, owner)).json().views === 1)).toBe(true);
    // One anonymous address counts once, whatever user agent it rotates through.
    for (const agent of ['agent-a', 'agent-b', 'agent-c'])
      await t.app.inject({ url, headers: { 'user-agent': agent } });
    expect(await until(async () => (await get(url, owner)).json().views === 2)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect((await get(url, owner)).json().views).toBe(2);
  });

  it('paginates with a cursor that never repeats or skips while designs are added', async () => {
    const category = 'pants';
    const style = 'formal';
    const initial = await seedReady(25, { category, style });
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    do {
      const page: { items: Design[]; nextCursor: string | null } = (
        await get(
          `/api/designs?category=${category}&style=${style}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((d: Design) => d.id));
      cursor = page.nextCursor;
      // Newer designs arrive while someone scrolls: they belong before the cursor and never show up mid-list.
      await seedReady(3, { category, style });
      added += 3;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(initial.map((r) => r.id)));
    expect(added).toBeGreaterThan(0);

    const bad = await get(`/api/designs?cursor=not-a-cursor`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('cursor');
  });

  it('reads a gallery page deep in the list in one SQL statement once its authors are known', async () => {
    await seedReady(30);
    const first = (await get('/api/designs?limit=10')).json();
    const url = `/api/designs?limit=10&cursor=${first.nextCursor}`;
    expect((await get(url)).statusCode).toBe(200);
    const statements: string[] = [];
    const stop = t.platform.database.observeQueries((query) => statements.push(query));
    try {
      const page = await get(url);
      expect(page.statusCode).toBe(200);
      expect(page.json().items[0].author.name).toBe('Owner');
    } finally {
      stop();
    }
    // Background work (jobs, the outbox) may query meanwhile: count only the gallery's own reads,
    // designs and authors (a notification's lookup of its recipient joins their profile).
    const reads = statements.filter(
      (q) =>
        /from "?designs"?\.?"?designs"?/i.test(q) ||
        (/identity"?\."?users/i.test(q) && !/user_profiles/i.test(q)),
    );
    expect(reads.length, reads.join('\n---\n')).toBe(1);
  });

  it('writes each design of the newest gallery page exactly as the designs are written elsewhere', async () => {
    const made = await createDesign(t.app, owner, {
      title: 'Toucans “quoted” \\ ✿',
      prompt: 'toucans and coffee cups on a cream dress',
    });
    expect(
      await until(async () => (await get(`/api/designs/${made.id}`, owner)).json().status === 'ready'),
    ).toBe(true);
    const publish = await t.app.inject({
      method: 'PATCH',
      url: `/api/designs/${made.id}`,
      headers: owner.auth,
      payload: { isPublic: true },
    });
    expect(publish.statusCode).toBe(200);
    await seedReady(2, {
      title: 'Tab\tand "quotes", a \\ and ✿',
      description: null,
      tags: ['dusty pink', 'a "b"', 'NULL', ''],
      confidence: 0.85,
      // Not what the generator records: read as no fidelity and no credits, on both paths.
      generationParams: { fidelity: 'not an object', credits: { not: 'a list' } },
    });
    const page = (
      await t.app.inject({ url: '/api/designs?limit=50', headers: { 'cache-control': 'no-cache' } })
    ).json() as { items: Design[]; nextCursor: string | null };
    // The same designs read as columns and written by the contract's serializer.
    const { rows, nextCursor } = await listDesigns(t.platform.database.db, {
      scope: 'public',
      sort: 'new',
      limit: 50,
    });
    const written = serializerFor(pageOf(designSchema))({
      items: rows.map((r) => toDesign(r, page.items.find((d) => d.id === r.id)!.author)),
      nextCursor,
    });
    expect(page).toEqual(JSON.parse(written));
    const generated = page.items.find((d) => d.id === made.id)!;
    expect(generated.author.name).toBe('Owner');
    expect(generated.fidelity?.motifs.length).toBeGreaterThan(0);
    expect(generated.credits.length).toBeGreaterThan(0);
    // A search writes its designs the same way.
    const found = (await get('/api/designs?q=toucans')).json() as { items: Design[] };
    expect(found.items.find((d) => d.id === made.id)).toEqual(generated);
  });

  it('sorts by likes with a stable cursor', async () => {
    const tag = `toplist${Date.now()}`;
    const rows = await seedReady(6, { tags: [tag] });
    await Promise.all(
      rows.map((r, i) =>
        t.platform.database.db.execute(sql`update designs.designs set likes = ${i % 3} where id = ${r.id}`),
      ),
    );
    const first = (await get(`/api/designs?tag=${tag}&sort=top&limit=4`)).json();
    const second = (await get(`/api/designs?tag=${tag}&sort=top&limit=4&cursor=${first.nextCursor}`)).json();
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(6);
    expect(all.map((d: Design) => d.likes)).toEqual([2, 2, 1, 1, 0, 0]);
  });

  it('finds designs by stemmed words, ranked, with filters', async () => {
    const unique = `zq${Date.now().toString(36)}`;
    await seedReady(1, { title: `Summer dress ${unique}`, colors: ['#ff7f50'], category: 'dress' });
    await seedReady(1, { title: `Striped shirt ${unique}`, prompt: 'bold stripes', category: 'shirt' });
    const dresses = (await get(`/api/designs?q=${unique}%20dresses`)).json();
    expect(dresses.items.map((d: Design) => d.title)).toEqual([`Summer dress ${unique}`]);
    const byColor = (await get(`/api/designs?q=${unique}&color=%23FF7F50`)).json();
    expect(byColor.items).toHaveLength(1);
    const byCategory = (await get(`/api/designs?q=${unique}&category=shirt`)).json();
    expect(byCategory.items.map((d: Design) => d.category)).toEqual(['shirt']);
    const mine = (await get(`/api/designs?scope=mine&limit=60`, owner)).json();
    expect(mine.items.every((d: Design) => d.userId === owner.userId)).toBe(true);
    expect((await get('/api/designs?scope=mine')).statusCode).toBe(403);
  });

  it('deletes a design with its files and likes', async () => {
    const design = await createDesign(t.app, owner, { isPublic: true });
    expect(
      await until(async () => (await get(`/api/designs/${design.id}`, owner)).json().status === 'ready'),
    ).toBe(true);
    const ready = (await get(`/api/designs/${design.id}`, owner)).json() as Design;
    await t.app.inject({ method: 'PUT', url: `/api/designs/${design.id}/like`, headers: other.auth });
    expect((await t.app.inject(ready.imageUrl!)).statusCode).toBe(200);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/designs/${design.id}`,
      headers: owner.auth,
    });
    expect(del.statusCode).toBe(204);
    expect((await get(`/api/designs/${design.id}`, owner)).statusCode).toBe(404);
    expect((await t.app.inject(ready.imageUrl!)).statusCode).toBe(404);
  });

  it('publishes design events through the outbox exactly once per change, and feeds trends', async () => {
    const seen = new Map<string, EventEnvelope[]>();
    await t.platform.subscribe(
      `test-consumer-${randomUUID()}`,
      ['design_created', 'design_updated', 'design_liked'],
      async (event) => {
        const list = seen.get(event.designId ?? '') ?? [];
        list.push(event);
        seen.set(event.designId ?? '', list);
      },
    );
    const design = await createDesign(t.app, owner, {
      isPublic: true,
      tags: ['trendtag'],
      colors: ['#abcdef'],
    });
    await until(async () => (await get(`/api/designs/${design.id}`, owner)).json().status === 'ready');
    await t.app.inject({ method: 'PUT', url: `/api/designs/${design.id}/like`, headers: other.auth });
    await t.app.inject({ method: 'PUT', url: `/api/designs/${design.id}/like`, headers: other.auth });
    expect(await until(() => (seen.get(design.id) ?? []).some((e) => e.eventType === 'design_liked'))).toBe(
      true,
    );
    await new Promise((r) => setTimeout(r, 300));
    const events = seen.get(design.id)!;
    expect(events.map((e) => e.eventType).sort()).toEqual([
      'design_created',
      'design_liked',
      'design_updated',
    ]);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(events[0]).toMatchObject({
      designId: design.id,
      userId: owner.userId,
      timestamp: expect.any(String),
    });

    expect(
      await until(
        async () => {
          const trends = (await get('/api/trends')).json();
          return trends.tags.some((t: { value: string }) => t.value === 'trendtag');
        },
        10_000,
        200,
      ),
    ).toBe(true);
    const trends = (await get('/api/trends')).json();
    expect(trends.windowDays).toBe(7);
    expect(trends.colors.some((c: { value: string }) => c.value === '#abcdef')).toBe(true);
  });
});

describe('moderation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_AUTH_MAX: '1000' } });
  });
  afterAll(() => t.close());

  it('lets an admin hide a design from the gallery and refuses everyone else', async () => {
    const owner = await signUp(t.app, 'Maker');
    const design = await createDesign(t.app, owner, { isPublic: true, title: 'Hide me' });
    await until(
      async () =>
        (await t.app.inject({ url: `/api/designs/${design.id}`, headers: owner.auth })).json().status ===
        'ready',
    );
    const identity = await import('../identity/index.ts').then((m) => m.createIdentityModule(t.platform));
    const adminEmail = `mod-${Date.now()}@example.com`;
    await identity.service.ensureAdmin(adminEmail, 'moderation-pass-1');
    const admin = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: adminEmail, password: 'moderation-pass-1' },
      })
    ).json();
    const asAdmin = { authorization: `Bearer ${admin.accessToken}` };
    const inGallery = async () =>
      (await t.app.inject(`/api/designs?q=${encodeURIComponent('Hide me')}`))
        .json()
        .items.some((d: Design) => d.id === design.id);
    expect(await inGallery()).toBe(true);

    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/designs/${design.id}`,
      headers: owner.auth,
      payload: { hidden: true },
    });
    expect(refused.statusCode).toBe(403);
    const hide = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/designs/${design.id}`,
      headers: asAdmin,
      payload: { hidden: true },
    });
    expect(hide.statusCode).toBe(200);
    expect(hide.json().hidden).toBe(true);
    expect(await inGallery()).toBe(false);
    expect((await t.app.inject(`/api/designs/${design.id}`)).statusCode).toBe(404);
    const listed = (await t.app.inject({ url: '/api/admin/designs?q=Hide%20me', headers: asAdmin })).json();
    expect(listed.items.find((d: Design) => d.id === design.id).hidden).toBe(true);
  });
});
