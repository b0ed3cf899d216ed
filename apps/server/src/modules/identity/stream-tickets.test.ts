import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../platform/telemetry/redact-url.ts';
import { signUp } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

describe('stream tickets and secrets in logged URLs', () => {
  let t: TestApp;
  let address: string;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      // Request logging is on outside NODE_ENV=test: the lines are what production writes.
      env: { NODE_ENV: 'development', LOG_LEVEL: 'info', RATE_LIMIT_AUTH_MAX: '100' },
      modules: ['identity', 'notifications'],
      background: false,
      logDestination: { write: (line: string) => void lines.push(line) },
    });
    address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  /** Opens the notification stream with a query, answers its status and closes it. */
  async function streamStatus(query: string) {
    const controller = new AbortController();
    const res = await fetch(`${address}/api/notifications/stream?${query}`, { signal: controller.signal });
    controller.abort();
    return res.status;
  }

  const ticketFor = async (auth: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/stream-ticket', headers: auth });

  it('gives a signed-in user a one-minute ticket that opens event streams and nothing else', async () => {
    const ada = await signUp(t.app, 'Ada');
    expect((await ticketFor({})).statusCode).toBe(401);
    const res = await ticketFor(ada.auth);
    expect(res.statusCode).toBe(200);
    const { ticket, expiresIn } = res.json();
    expect(expiresIn).toBe(60);

    expect(await streamStatus(`ticket=${encodeURIComponent(ticket)}`)).toBe(200);
    expect(await streamStatus('ticket=not-a-ticket')).toBe(401);
    // Single purpose: a ticket is not an access token, in a header or in the deprecated parameter.
    const asBearer = await t.app.inject({
      url: '/api/users/me',
      headers: { authorization: `Bearer ${ticket}` },
    });
    expect(asBearer.statusCode).toBe(401);
    expect(await streamStatus(`access_token=${encodeURIComponent(ticket)}`)).toBe(401);
    // The access token in the URL still works while clients move to tickets.
    expect(await streamStatus(`access_token=${encodeURIComponent(ada.token)}`)).toBe(200);

    // Signing out ends the tickets already handed out, like the access tokens.
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: ada.auth,
      payload: {},
    });
    expect(out.statusCode, out.body).toBe(204);
    expect(await streamStatus(`ticket=${encodeURIComponent(ticket)}`)).toBe(401);
  });

  it('never writes a ticket, an access token or a webhook secret from a URL to the log', async () => {
    const bob = await signUp(t.app, 'Bob');
    const { ticket } = (await ticketFor(bob.auth)).json();
    lines.length = 0;
    await streamStatus(`ticket=${encodeURIComponent(ticket)}&after=1`);
    await streamStatus(`access_token=${encodeURIComponent(bob.token)}`);
    await t.app.inject({
      method: 'POST',
      url: '/api/webhooks/printful?secret=printful-hook-secret-42',
      payload: {},
    });
    await t.app.inject({ url: '/api/designs?q=lemons&Signature=abc123&TOKEN=def456' });

    const logged = lines.join('');
    expect(logged).toContain('/api/notifications/stream?ticket=[redacted]&after=1');
    expect(logged).toContain('/api/notifications/stream?access_token=[redacted]');
    expect(logged).toContain('/api/webhooks/printful?secret=[redacted]');
    expect(logged).toContain('q=lemons&Signature=[redacted]&TOKEN=[redacted]');
    for (const secret of [ticket, bob.token, 'printful-hook-secret-42', 'abc123', 'def456'])
      expect(logged).not.toContain(secret);
  });

  it('redacts credentials by name, encoded or not, and leaves other parameters alone', () => {
    expect(redactUrl('/a')).toBe('/a');
    expect(redactUrl('/a?x=1&access%5Ftoken=s&ticket&y=2')).toBe(
      '/a?x=1&access%5Ftoken=[redacted]&ticket=[redacted]&y=2',
    );
  });
});
