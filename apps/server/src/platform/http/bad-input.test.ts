import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designBody, type Session, signUp } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Values that pass the schemas but that PostgreSQL refuses: a client's mistake, answered with 400. */
describe('input PostgreSQL refuses', () => {
  let t: TestApp;
  let session: Session;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['identity', 'designs', 'notifications'], background: false });
    session = await signUp(t.app, 'Probe');
  });
  afterAll(() => t.close());

  const expectBadRequest = (res: { statusCode: number; json(): unknown }) => {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: expect.any(String), requestId: expect.any(String) });
  };

  it('answers a NUL byte in a query or a text field with 400', async () => {
    expectBadRequest(await t.app.inject({ url: '/api/designs?q=a%00b' }));
    expectBadRequest(
      await t.app.inject({
        method: 'POST',
        url: '/api/designs',
        headers: session.auth,
        payload: designBody({ title: 'Lemon\u0000grove' }),
      }),
    );
  });

  it('answers a crafted cursor with 400', async () => {
    const crafted = cursorOf({ at: 'not a time', id: '00000000-0000-0000-0000-000000000000' });
    expectBadRequest(
      await t.app.inject({ url: `/api/notifications?cursor=${crafted}`, headers: session.auth }),
    );
  });
});
