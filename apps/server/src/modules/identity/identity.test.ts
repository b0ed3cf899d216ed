import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { whenReady } from '../../platform/redis.ts';
import { designBody } from '../../testing/fixtures.ts';
import { realServices, uniqueName } from '../../testing/services.ts';

const SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-0123456789');
let n = 0;
const email = () => `person${++n}-${Date.now()}@example.com`;
const password = 'linen-lemons-42';

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_AUTH_MAX: '1000' } });
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
  const me = (token: string) =>
    t.app.inject({ url: '/api/users/me', headers: { authorization: `Bearer ${token}` } });

  it('registers with a normalised email and returns a session', async () => {
    const address = email();
    const res = await register({ email: `  ${address.toUpperCase()} `, password, name: 'Ada' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: address, name: 'Ada', role: 'user', subscriptionTier: 'free' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.expiresIn).toBe(900);
    expect((await me(body.accessToken)).json().email).toBe(address);
  });

  it('gives exactly one account to two concurrent registrations with one email', async () => {
    const address = email();
    const results = await Promise.all([
      register({ email: address, password, name: 'One' }),
      register({ email: address, password, name: 'Two' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('conflict');
  });

  it('refuses weak passwords and bad emails field by field', async () => {
    const short = await register({ email: email(), password: 'short', name: 'A' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details).toEqual([expect.objectContaining({ path: 'password' })]);
    const common = await register({ email: email(), password: 'Password123', name: 'A' });
    expect(common.statusCode).toBe(400);
    expect(common.json().details[0].message).toMatch(/common/);
    const badEmail = await register({ email: 'not-an-email', password, name: 'A' });
    expect(badEmail.json().details[0].path).toBe('email');
    const long = await register({ email: email(), password: 'x'.repeat(129), name: 'A' });
    expect(long.statusCode).toBe(400);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const address = email();
    await register({ email: address, password, name: 'Ada' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: address, password: 'nope-nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: email(), password },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toBe(unknown.json().error);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: address, password },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses every forged or stale access token', async () => {
    const session = (await register({ email: email(), password, name: 'Ada' })).json();
    const sub = session.user.id;
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const forged = {
      none: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, role: 'admin', tier: 'pro', iss: 'boutique-to-box', exp: now + 600 })}.`,
      hs512: await new SignJWT({ role: 'admin', tier: 'pro' })
        .setProtectedHeader({ alg: 'HS512' })
        .setSubject(sub)
        .setIssuer('boutique-to-box')
        .setExpirationTime('10m')
        .sign(SECRET),
      wrongIssuer: await new SignJWT({ role: 'user', tier: 'free' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer('someone-else')
        .setExpirationTime('10m')
        .sign(SECRET),
      badSignature: await new SignJWT({ role: 'user', tier: 'free' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer('boutique-to-box')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode('another-secret-another-secret-another-secret')),
      expired: await new SignJWT({ role: 'user', tier: 'free' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer('boutique-to-box')
        .setIssuedAt(now - 3600)
        .setExpirationTime(now - 60)
        .sign(SECRET),
      tampered: `${session.accessToken.split('.')[0]}.${b64({ sub, role: 'admin', tier: 'pro', iss: 'boutique-to-box', exp: now + 600 })}.${session.accessToken.split('.')[2]}`,
    };
    for (const [kind, token] of Object.entries(forged)) {
      const res = await me(token);
      expect(res.statusCode, kind).toBe(401);
      expect(res.json().code, kind).toBe('unauthenticated');
    }
    expect((await t.app.inject('/api/users/me')).statusCode).toBe(401);
    expect((await me(session.accessToken)).statusCode).toBe(200);
  });

  it('rotates refresh tokens and revokes the family when a spent one comes back', async () => {
    const first = (await register({ email: email(), password, name: 'Ada' })).json();
    const refresh = (token: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: token } });
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const pair = second.json();
    expect(pair.refreshToken).not.toBe(first.refreshToken);
    // The spent token is presented again: theft. Both it and its successor stop working.
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
  });

  it('logs out by revoking the refresh token family', async () => {
    const session = (await register({ email: email(), password, name: 'Ada' })).json();
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: { refreshToken: session.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('lets a user change only their own profile, with validated fields', async () => {
    const a = (await register({ email: email(), password, name: 'Ada' })).json();
    const b = (await register({ email: email(), password, name: 'Bea' })).json();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: { authorization: `Bearer ${a.accessToken}` },
      payload: {
        bio: 'Prints and colour',
        website: 'https://ada.example',
        preferences: { notifyOnLikes: false },
      },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      bio: 'Prints and colour',
      preferences: { notifyOnLikes: false, emailNotifications: true },
    });
    expect((await me(b.accessToken)).json()).toMatchObject({ name: 'Bea', bio: null });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: { authorization: `Bearer ${a.accessToken}` },
      payload: { website: 'javascript:alert(1)', role: 'admin' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await me(a.accessToken)).json().role).toBe('user');
  });

  it('shows an author’s new name on their designs at once', async () => {
    const ada = (await register({ email: email(), password, name: 'Ada' })).json();
    const auth = { authorization: `Bearer ${ada.accessToken}` };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/designs',
      headers: auth,
      payload: designBody(),
    });
    expect(created.statusCode).toBe(202);
    const url = `/api/designs/${created.json().id}`;
    expect((await t.app.inject({ url, headers: auth })).json().author.name).toBe('Ada');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: auth,
      payload: { name: 'Ada Lovelace' },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: auth })).json().author.name).toBe('Ada Lovelace');
  });

  it('keeps administration for admins; suspended users cannot sign in or refresh', async () => {
    const user = (await register({ email: email(), password, name: 'Cy' })).json();
    const adminEmail = email();
    const identity = await import('./index.ts').then((m) => m.createIdentityModule(t.platform));
    await identity.service.ensureAdmin(adminEmail, password);
    const admin = (
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: adminEmail, password } })
    ).json();
    expect(admin.user.role).toBe('admin');

    const asUser = await t.app.inject({
      url: '/api/admin/users',
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(asUser.statusCode).toBe(403);

    const suspend = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.user.id}`,
      headers: { authorization: `Bearer ${admin.accessToken}` },
      payload: { status: 'suspended' },
    });
    expect(suspend.json().status).toBe('suspended');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.user.email, password },
    });
    expect(login.statusCode).toBe(403);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('ends access tokens at once on suspension, demotion, sign-out and a new password', async () => {
    const identity = await import('./index.ts').then((m) => m.createIdentityModule(t.platform));
    const adminEmail = email();
    await identity.service.ensureAdmin(adminEmail, password);
    const signIn = async (address: string) =>
      (
        await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: address, password } })
      ).json();
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const admin = await signIn(adminEmail);
    const patchUser = (id: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${id}`,
        headers: bearer(admin.accessToken),
        payload,
      });

    // Suspended: the still-unexpired access token is refused on the next request, and a design cannot be made.
    const user = (await register({ email: email(), password, name: 'Dee' })).json();
    expect((await me(user.accessToken)).statusCode).toBe(200);
    expect((await patchUser(user.user.id, { status: 'suspended' })).statusCode).toBe(200);
    expect((await me(user.accessToken)).statusCode).toBe(401);
    const design = await t.app.inject({
      method: 'POST',
      url: '/api/designs',
      headers: bearer(user.accessToken),
      payload: designBody(),
    });
    expect(design.statusCode).toBe(401);

    // Demoted: the admin token stops working for administration at once; a fresh session is a user's.
    const secondEmail = email();
    await identity.service.ensureAdmin(secondEmail, password);
    const second = await signIn(secondEmail);
    const listUsers = (token: string) => t.app.inject({ url: '/api/admin/users', headers: bearer(token) });
    expect((await listUsers(second.accessToken)).statusCode).toBe(200);
    expect((await patchUser(second.user.id, { role: 'user' })).statusCode).toBe(200);
    expect((await listUsers(second.accessToken)).statusCode).toBe(401);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: second.refreshToken },
    });
    expect(refreshed.json().user.role).toBe('user');
    expect((await listUsers(refreshed.json().accessToken)).statusCode).toBe(403);

    // Signing out ends the access token too, not only the refresh token.
    const leaving = (await register({ email: email(), password, name: 'Eve' })).json();
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(leaving.accessToken),
      payload: { refreshToken: leaving.refreshToken },
    });
    expect(logout.statusCode).toBeLessThan(300);
    expect((await me(leaving.accessToken)).statusCode).toBe(401);

    // A new password (the admin CLI on an existing account) ends the sessions made with the old one.
    const before = await signIn(adminEmail);
    expect((await me(before.accessToken)).statusCode).toBe(200);
    await identity.service.ensureAdmin(adminEmail, 'another-linen-password-7');
    expect((await me(before.accessToken)).statusCode).toBe(401);
  });
});

describe('the last administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['identity'], background: false });
  });
  afterAll(() => t.close());

  it('cannot be demoted or suspended; with a second one, either can be', async () => {
    const identity = await import('./index.ts').then((m) => m.createIdentityModule(t.platform));
    const signIn = async (address: string) =>
      (
        await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: address, password } })
      ).json();
    const first = email();
    await identity.service.ensureAdmin(first, password);
    const admin = await signIn(first);
    const patchSelf = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${admin.user.id}`,
        headers: { authorization: `Bearer ${admin.accessToken}` },
        payload,
      });
    for (const payload of [{ role: 'user' }, { status: 'suspended' }]) {
      const refused = await patchSelf(payload);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('conflict');
    }
    await identity.service.ensureAdmin(email(), password);
    expect((await patchSelf({ role: 'user' })).json().role).toBe('user');
  });
});

describe('auth rate limit shared by two instances through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const shared = {
      REDIS_URL: realServices.redis,
      REDIS_KEY_PREFIX: `${uniqueName('rl')}:`,
      RATE_LIMIT_AUTH_MAX: '3',
    };
    [a, b] = await Promise.all([createTestApp({ env: shared }), createTestApp({ env: shared })]);
    // Limits fail open while Redis is unreachable (by design); on a busy machine wait for both connections.
    expect(await whenReady(a.platform.redis!, 15_000)).toBe(true);
    expect(await whenReady(b.platform.redis!, 15_000)).toBe(true);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('counts attempts on either instance against one budget and answers 429 with Retry-After', async () => {
    const attempt = (app: TestApp, address: string) =>
      app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: address, password: 'wrong-password-1' },
      });
    const statuses = [];
    for (const [i, app] of [a, b, a].entries())
      statuses.push((await attempt(app, `u${i}@example.com`)).statusCode);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await attempt(b, 'u9@example.com');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', retryAfter: expect.any(Number) });
  });

  it('limits attempts per account, whatever the client address', async () => {
    const target = 'target@example.com';
    const headers = (ip: string) => ({ 'x-forwarded-for': ip });
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        (
          await a.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: target, password: 'wrong-password-1' },
            headers: headers(`10.0.0.${i}`),
            remoteAddress: `10.0.0.${i}`,
          })
        ).statusCode,
      );
    }
    expect(results.slice(0, 3)).toEqual([401, 401, 401]);
    expect(results[3]).toBe(429);
  });
});
