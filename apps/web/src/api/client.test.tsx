import { describe, expect, it, vi } from 'vitest';
import { authResponse, json } from '../test/helpers.tsx';
import { ApiError, createApiClient, type TokenPair } from './client.ts';

function setup(initial: TokenPair | null = { accessToken: 'old-access', refreshToken: 'old-refresh' }) {
  let tokens = initial;
  const cleared = vi.fn();
  const store = {
    get: () => tokens,
    set: (a: TokenPair) => {
      tokens = { accessToken: a.accessToken, refreshToken: a.refreshToken };
    },
    clear: () => {
      tokens = null;
      cleared();
    },
  };
  return { store, cleared, current: () => tokens };
}

const auth = (init?: RequestInit) => new Headers(init?.headers).get('authorization');

describe('api client', () => {
  it('refreshes once on 401 and retries the request with the new token', async () => {
    const { store, current } = setup();
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const u = String(url);
      if (u.endsWith('/api/auth/refresh')) {
        expect(JSON.parse(String(init?.body))).toEqual({ refreshToken: 'old-refresh' });
        return json(200, authResponse('new-access', 'new-refresh'));
      }
      if (auth(init) === 'Bearer old-access') return json(401, { error: 'expired', code: 'unauthenticated' });
      if (auth(init) === 'Bearer new-access') return json(200, { ok: true });
      return json(500, { error: 'unexpected', code: 'internal_error' });
    });
    const client = createApiClient({ tokens: store, fetch: fetch as typeof globalThis.fetch });

    await expect(client.get('/api/users/me')).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(current()).toEqual({ accessToken: 'new-access', refreshToken: 'new-refresh' });
  });

  it('concurrent 401s share a single refresh', async () => {
    const { store } = setup();
    let refreshes = 0;
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url).endsWith('/api/auth/refresh')) {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 20));
        return json(200, authResponse('new-access', 'new-refresh'));
      }
      return auth(init) === 'Bearer new-access'
        ? json(200, { path: String(url) })
        : json(401, { error: 'expired', code: 'unauthenticated' });
    });
    const client = createApiClient({ tokens: store, fetch: fetch as typeof globalThis.fetch });

    const results = await Promise.all([client.get('/api/a'), client.get('/api/b'), client.get('/api/c')]);
    expect(results).toEqual([{ path: '/api/a' }, { path: '/api/b' }, { path: '/api/c' }]);
    expect(refreshes).toBe(1);
  });

  it('signs out when the refresh fails and surfaces the 401 as an ApiError', async () => {
    const { store, cleared, current } = setup();
    const onSignedOut = vi.fn();
    const fetch = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) =>
      String(url).endsWith('/api/auth/refresh')
        ? json(401, { error: 'refresh token reused', code: 'unauthenticated' })
        : json(401, { error: 'expired', code: 'unauthenticated' }),
    );
    const client = createApiClient({ tokens: store, fetch: fetch as typeof globalThis.fetch, onSignedOut });

    const err = await client.get('/api/orders').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(cleared).toHaveBeenCalledTimes(1);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(current()).toBeNull();
    // original + refresh + one anonymous read, which a private route also refuses
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(auth(fetch.mock.calls[2]?.[1])).toBeNull();
  });

  it('reads a public resource anonymously once the session is found dead', async () => {
    const { store, current } = setup();
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url).endsWith('/api/auth/refresh'))
        return json(401, { error: 'Refresh token revoked', code: 'unauthenticated' });
      return auth(init)
        ? json(401, { error: 'Access token expired', code: 'unauthenticated' })
        : json(200, { id: 'd1', title: 'Public design' });
    });
    const client = createApiClient({ tokens: store, fetch: fetch as typeof globalThis.fetch });

    await expect(client.get('/api/designs/d1')).resolves.toEqual({ id: 'd1', title: 'Public design' });
    expect(current()).toBeNull();
  });

  it('never repeats a write anonymously after the session is found dead', async () => {
    const { store } = setup();
    const fetch = vi.fn(async (url: RequestInfo | URL) =>
      String(url).endsWith('/api/auth/refresh')
        ? json(401, { error: 'Refresh token revoked', code: 'unauthenticated' })
        : json(401, { error: 'Access token expired', code: 'unauthenticated' }),
    );
    const client = createApiClient({ tokens: store, fetch: fetch as typeof globalThis.fetch });

    await expect(client.post('/api/designs', { title: 'x' })).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('turns error bodies into ApiError with code and details', async () => {
    const { store } = setup();
    const fetch = vi.fn(async () =>
      json(400, {
        error: 'Invalid request',
        code: 'validation_failed',
        details: [{ path: 'shippingAddress.city', message: 'is required' }],
      }),
    );
    const client = createApiClient({ tokens: store, fetch: fetch as typeof globalThis.fetch });
    const err = (await client.post('/api/orders', {}).catch((e) => e)) as ApiError;
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('Invalid request');
    expect(err.details).toEqual([{ path: 'shippingAddress.city', message: 'is required' }]);
  });

  it('uses a pair another tab already rotated instead of spending the old refresh token', async () => {
    const { store } = setup();
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url).endsWith('/api/auth/refresh')) throw new Error('must not refresh');
      return auth(init) === 'Bearer tab2-access'
        ? json(200, { ok: 1 })
        : json(401, { error: 'expired', code: 'unauthenticated' });
    });
    const client = createApiClient({
      tokens: {
        ...store,
        // The other tab's rotation arrives through storage when we re-read.
        reload: () => store.set(authResponse('tab2-access', 'tab2-refresh')),
      },
      fetch: fetch as typeof globalThis.fetch,
      lock: (fn) => fn(),
    });
    await expect(client.get('/api/users/me')).resolves.toEqual({ ok: 1 });
    expect(fetch.mock.calls.some(([u]) => String(u).endsWith('/refresh'))).toBe(false);
  });

  it('reads Retry-After on 429', async () => {
    const { store } = setup();
    const fetch = vi.fn(async () =>
      json(429, { error: 'Slow down', code: 'rate_limited' }, { 'retry-after': '42' }),
    );
    const client = createApiClient({ tokens: store, fetch: fetch as typeof globalThis.fetch });
    const err = (await client.get('/api/designs').catch((e) => e)) as ApiError;
    expect(err.retryAfter).toBe(42);
  });
});
