import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createTestPlatform, type TestPlatform } from './testing/test-app.ts';

describe('roles and module selection', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(() => t.cleanup());

  it('serves only health, readiness and metrics in the worker role', async () => {
    const app = await buildApp({ platform: t.platform, role: 'worker', background: false, webRoot: false });
    await app.ready();
    expect((await app.inject('/health')).statusCode).toBe(200);
    expect((await app.inject('/metrics')).statusCode).toBe(200);
    expect((await app.inject('/api/catalog/products')).statusCode).toBe(404);
    await app.close();
  });

  it('serves only the chosen modules in the api role', async () => {
    const app = await buildApp({
      platform: t.platform,
      role: 'api',
      modules: ['catalog'],
      background: false,
      webRoot: false,
    });
    await app.ready();
    expect((await app.inject('/api/catalog/products')).statusCode).toBe(200);
    expect((await app.inject('/api/designs')).statusCode).toBe(404);
    const register = await app.inject({ method: 'POST', url: '/api/auth/register', payload: {} });
    expect(register.statusCode).toBe(404);
    await app.close();
  });
});
