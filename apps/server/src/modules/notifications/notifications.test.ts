import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesign, signUp, type Session, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { readyDesign } from '../orders/testing/commerce-fixtures.ts';

describe('notifications', () => {
  let t: TestApp;
  let owner: Session;
  let fan: Session;

  const list = async (session: Session, query = '') =>
    (await t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: session.auth })).json();
  const mail = async () => {
    const text = await readFile(path.join(t.config.DATA_DIR, 'mail', 'outbox.jsonl'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { to: string; subject: string; text: string });
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_MS: '50' } });
    owner = await signUp(t.app, 'Owner');
    fan = await signUp(t.app, 'Fan');
  });
  afterAll(() => t.close());

  it('tells the owner when a design is ready, in the app and by email', async () => {
    const design = await readyDesign(t.app, owner, true);
    expect(
      await until(async () =>
        (await list(owner)).items.some((n: { type: string }) => n.type === 'design_ready'),
      ),
    ).toBe(true);
    const page = await list(owner);
    expect(page.items[0]).toMatchObject({
      type: 'design_ready',
      title: 'Your design is ready',
      link: `/designs/${design.id}`,
      readAt: null,
    });
    expect(page.unreadCount).toBeGreaterThanOrEqual(1);
    expect(
      await until(async () =>
        (await mail()).some((m) => m.to === owner.email && m.subject === 'Your design is ready'),
      ),
    ).toBe(true);
  }, 60_000);

  it('tells the owner when someone else likes their design, not when they like it themselves', async () => {
    const design = await readyDesign(t.app, owner, true);
    await t.app.inject({ method: 'PUT', url: `/api/designs/${design.id}/like`, headers: owner.auth });
    await t.app.inject({ method: 'PUT', url: `/api/designs/${design.id}/like`, headers: fan.auth });
    const liked = async () =>
      (await list(owner, '?limit=100')).items.filter(
        (n: { type: string; link: string }) =>
          n.type === 'design_liked' && n.link === `/designs/${design.id}`,
      );
    expect(await until(async () => (await liked()).length === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await liked()).toHaveLength(1);
    expect((await list(fan)).items.filter((n: { type: string }) => n.type === 'design_liked')).toEqual([]);
  }, 60_000);

  it('respects email preferences; the in-app notification is still there', async () => {
    const quiet = await signUp(t.app, 'Quiet');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: quiet.auth,
      payload: { preferences: { notifyOnGeneration: false } },
    });
    expect(patched.statusCode).toBe(200);
    await readyDesign(t.app, quiet);
    expect(await until(async () => (await list(quiet)).items.length === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect((await mail()).filter((m) => m.to === quiet.email)).toEqual([]);
  }, 60_000);

  it('marks one or all as read; someone else’s notification is 404', async () => {
    await readyDesign(t.app, fan);
    expect(await until(async () => (await list(fan)).unreadCount >= 1)).toBe(true);
    const [first] = (await list(fan)).items;
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${first.id}/read`,
      headers: owner.auth,
    });
    expect(stranger.statusCode).toBe(404);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${first.id}/read`,
      headers: fan.auth,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));

    const all = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: owner.auth,
    });
    expect(all.json().updated).toBeGreaterThanOrEqual(1);
    expect((await list(owner)).unreadCount).toBe(0);
    expect((await list(owner, '?unread=true')).items).toEqual([]);
  }, 60_000);

  it('paginates newest first', async () => {
    const page1 = await list(owner, '?limit=1');
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await list(owner, `?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page2.items[0].createdAt <= page1.items[0].createdAt).toBe(true);
  });

  it('streams new notifications over SSE, authenticated by ?access_token=', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const unauthenticated = await fetch(`${address}/api/notifications/stream`);
    expect(unauthenticated.status).toBe(401);

    const controller = new AbortController();
    const res = await fetch(`${address}/api/notifications/stream?access_token=${owner.token}`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (needle: string, timeoutMs = 15_000) => {
      const end = Date.now() + timeoutMs;
      while (!received.includes(needle) && Date.now() < end) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ done: true; value: undefined }>((r) =>
            setTimeout(() => r({ done: true, value: undefined }), end - Date.now()),
          ),
        ]);
        if (chunk.value) received += decoder.decode(chunk.value, { stream: true });
        if (chunk.done) break;
      }
      return received.includes(needle);
    };
    try {
      expect(await readUntil('event: ready')).toBe(true);
      await createDesign(t.app, owner, { title: 'Streamed stripes' });
      expect(await readUntil('event: notification')).toBe(true);
      expect(received).toContain('Streamed stripes');
    } finally {
      controller.abort();
    }
  }, 60_000);
});
