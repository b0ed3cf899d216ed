import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Session, signUp, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { NotificationsService } from './service.ts';
import { notifications } from './tables.ts';

/** Small caps so a handful of streams reach them. */
describe('live notification streams', () => {
  let t: TestApp;
  let address: string;
  const open: AbortController[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      env: { SSE_MAX_STREAMS_PER_CLIENT: '2', SSE_MAX_STREAMS: '3', RATE_LIMIT_AUTH_MAX: '100' },
      modules: ['identity', 'notifications'],
      background: false,
    });
    address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const c of open) c.abort();
    await t.close();
  });

  /** Opens a stream; its text so far is in `received`, kept up to date while it is open. */
  async function connect(session: Session) {
    const controller = new AbortController();
    const res = await fetch(`${address}/api/notifications/stream`, {
      headers: session.auth,
      signal: controller.signal,
    });
    const stream = {
      status: res.status,
      received: '',
      close: () => controller.abort(),
      body: undefined as unknown,
    };
    if (res.status !== 200) {
      stream.body = await res.json();
      return stream;
    }
    open.push(controller);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.value) stream.received += decoder.decode(chunk.value, { stream: true });
        if (chunk.done) return;
      }
    })();
    await until(() => stream.received.includes('event: ready'));
    return stream;
  }

  const openStreams = () => t.app.streamLimits.open;

  it('caps streams per account (429) and per server (503) with the contract error', async () => {
    const [ada, bob, cy] = [
      await signUp(t.app, 'Ada'),
      await signUp(t.app, 'Bob'),
      await signUp(t.app, 'Cy'),
    ];
    const first = await connect(ada);
    const second = await connect(ada);
    expect([first.status, second.status]).toEqual([200, 200]);

    const third = await connect(ada);
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({
      code: 'rate_limited',
      retryAfter: expect.any(Number),
      requestId: expect.any(String),
    });

    expect((await connect(bob)).status).toBe(200);
    const full = await connect(cy);
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({ code: 'service_unavailable', retryAfter: expect.any(Number) });

    // A closed stream gives its slot back.
    first.close();
    await until(() => openStreams() === 2);
    expect((await connect(ada)).status).toBe(200);
    for (const c of open.splice(0)) c.abort();
    await until(() => openStreams() === 0);
  });

  it('feeds every stream of a user from one read when a notification arrives, with no poll per stream', async () => {
    const ada = await signUp(t.app, 'Ada');
    const since = vi.spyOn(NotificationsService.prototype, 'since');
    try {
      const streams = [await connect(ada), await connect(ada)];
      // Idle streams read nothing: several watcher ticks pass without a per-stream query.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(since).not.toHaveBeenCalled();

      // Written by "another process": no in-process wake-up, only the watcher can find it.
      await t.platform.database.db.insert(notifications).values({
        userId: ada.userId,
        type: 'design_ready',
        title: 'Written elsewhere',
        body: 'A notification from another process',
        category: 'generation',
      });
      for (const stream of streams)
        expect(await until(() => stream.received.includes('Written elsewhere'))).toBe(true);
      expect(since).toHaveBeenCalledTimes(1);
    } finally {
      since.mockRestore();
      for (const c of open.splice(0)) c.abort();
    }
  });
});
