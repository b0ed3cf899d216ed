import { describe, expect, it } from 'vitest';
import { ConfigError, checkRole, loadConfig, publicBaseUrl, testConfig } from './config.ts';

describe('configuration', () => {
  it('starts on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AI_PROVIDER).toBe('builtin');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable of every invalid value', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/LOG_LEVEL/);
      expect(message).toMatch(/DATABASE_URL/);
    }
  });

  it('requires a JWT secret outside embedded mode and credentials for chosen providers', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ AI_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('requires PUBLIC_URL outside embedded mode and beside Printful, and never takes the Host header', () => {
    const services = {
      DATABASE_URL: 'postgres://db/btb',
      JWT_SECRET: 'x'.repeat(32),
      ALLOW_TEST_PAYMENTS: 'true',
    };
    expect(() => loadConfig(services)).toThrow(/PUBLIC_URL: required outside embedded mode/);
    expect(() =>
      loadConfig({
        FULFILLMENT_PROVIDER: 'printful',
        PRINTFUL_TOKEN: 't',
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk',
      }),
    ).toThrow(/PUBLIC_URL: required with FULFILLMENT_PROVIDER=printful/);
    expect(publicBaseUrl(loadConfig({ ...services, PUBLIC_URL: 'https://shop.example.com/' }))).toBe(
      'https://shop.example.com',
    );
    expect(publicBaseUrl(loadConfig({ PORT: '3000' }))).toBe('http://localhost:3000');
  });

  it('refuses the test gateway outside embedded mode unless allowed, and always beside Printful', () => {
    const services = {
      DATABASE_URL: 'postgres://db/btb',
      JWT_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://shop.example.com',
    };
    expect(() => loadConfig(services)).toThrow(
      /PAYMENT_PROVIDER: the test gateway .* refused outside embedded mode/,
    );
    expect(loadConfig({ ...services, ALLOW_TEST_PAYMENTS: 'true' }).PAYMENT_PROVIDER).toBe('test');
    expect(
      loadConfig({ ...services, PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk' }).PAYMENT_PROVIDER,
    ).toBe('stripe');
    const printful = {
      FULFILLMENT_PROVIDER: 'printful',
      PRINTFUL_TOKEN: 't',
      PUBLIC_URL: 'https://shop.example.com',
    };
    expect(() => loadConfig(printful)).toThrow(/cannot pay for real manufacturing/);
    expect(() => loadConfig({ ...services, ...printful, ALLOW_TEST_PAYMENTS: 'true' })).toThrow(
      /cannot pay for real manufacturing/,
    );
    expect(loadConfig({}).PAYMENT_PROVIDER).toBe('test');
  });

  it('parses lists and booleans', () => {
    const config = loadConfig({
      DATABASE_READ_URLS: 'postgres://a/db, postgres://b/db',
      CORS_ORIGINS: 'https://a.example,https://b.example',
      TRUST_PROXY: 'true',
    });
    expect(config.DATABASE_READ_URLS).toEqual(['postgres://a/db', 'postgres://b/db']);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.TRUST_PROXY).toBe(1);
    expect(config.notices.join()).toMatch(/TRUST_PROXY=true is read as 1/);
  });
  it('trusts a proxy by hop count or address list, never every hop', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({}).notices).toEqual([]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a role split without a shared event bus outside embedded mode', () => {
    const services = testConfig({ DATABASE_URL: 'postgres://db/btb' });
    expect(() => checkRole(services, 'api')).toThrow(/NATS_URL/);
    expect(() => checkRole(services, 'worker')).toThrow(/NATS_URL/);
    expect(() => checkRole(services, 'all')).not.toThrow();
    expect(() =>
      checkRole(testConfig({ DATABASE_URL: 'postgres://db/btb', NATS_URL: 'nats://nats:4222' }), 'api'),
    ).not.toThrow();
  });
});
