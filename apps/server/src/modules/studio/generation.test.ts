import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Design } from '@btb/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../platform/testing/fake-http-server.ts';
import { createDesign, signUp, until } from '../../testing/fixtures.ts';
import { createScratchDatabase, env } from '../../testing/services.ts';
import { createTestApp, createTestPlatform, type TestApp } from '../../testing/test-app.ts';

const chat = (content: object | null, refusal: string | null = null) => ({
  json: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'text-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: content && JSON.stringify(content), refusal },
        finish_reason: 'stop',
      },
    ],
  },
});
const spec = {
  title: 'Coral Lemons',
  tags: ['lemons'],
  palette: ['#1f2a44', '#ff7f50'],
  motifs: ['lemons'],
  description: 'Lemons.',
};

describe('generation with the built-in engine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_DESIGNS_PER_HOUR: '100' } });
  });
  afterAll(() => t.close());

  it('reaches ready with its files served with the right content types and a quality report', async () => {
    const owner = await signUp(t.app, 'Maker');
    const created = await createDesign(t.app, owner, {
      prompt: 'sage green gingham picnic shirt with tiny cherries',
      category: 'shirt',
    });
    let design: Design | undefined;
    expect(
      await until(async () => {
        design = (await t.app.inject({ url: `/api/designs/${created.id}`, headers: owner.auth })).json();
        return design!.status === 'ready';
      }),
    ).toBe(true);
    const files = {
      [design!.modelUrl!]: 'image/svg+xml',
      [design!.imageUrl!]: 'image/png',
      [design!.previewUrl!]: 'image/png',
      [design!.thumbnailUrl!]: 'image/webp',
    };
    for (const [url, type] of Object.entries(files)) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe(type);
    }
    const thumb = await sharp((await t.app.inject(design!.thumbnailUrl!)).rawPayload).metadata();
    expect([thumb.width, thumb.height]).toEqual([512, 512]);
    expect(design!.quality).toMatchObject({ printReady: true, vector: true });
    expect(design!.quality!.printAreas.find((a) => a.productId === 'tshirt-unisex')).toMatchObject({
      widthPx: 1800,
      heightPx: 2400,
    });
    expect(design!.generationParams).toMatchObject({
      seed: expect.any(Number),
      motifs: expect.any(Array),
      palette: expect.any(Object),
    });
    expect((design!.generationParams.motifs as { kind: string }[]).map((m) => m.kind)).toEqual(
      expect.arrayContaining(['check', 'fruit']),
    );
    const metrics = (await t.app.inject('/metrics')).body;
    const count = metrics
      .split('\n')
      .find((l) => l.startsWith('design_generation_duration_seconds_count') && l.includes('outcome="ready"'));
    expect(count).toMatch(/provider="builtin"/);
    expect(Number(count!.split(' ').at(-1))).toBeGreaterThan(0);
  });

  it('streams progress over server-sent events until ready', async () => {
    const owner = await signUp(t.app, 'Watcher');
    const created = await createDesign(t.app, owner);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/designs/${created.id}/events?access_token=${owner.token}`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text(); // the server closes the stream at the end
    const events = text
      .split('\n\n')
      .filter((block) => block.includes('data: '))
      .map((block) => JSON.parse(block.split('data: ')[1]!));
    expect(events.at(-1)).toMatchObject({ designId: created.id, status: 'ready', progress: 100 });
    expect(events.map((e) => e.progress)).toEqual([...events.map((e) => e.progress)].sort((a, b) => a - b));
  });

  it('makes a new variation with a new seed on regenerate', async () => {
    const owner = await signUp(t.app, 'Variant');
    const created = await createDesign(t.app, owner);
    const ready = async () =>
      (await t.app.inject({ url: `/api/designs/${created.id}`, headers: owner.auth })).json();
    await until(async () => (await ready()).status === 'ready');
    const first = await ready();
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/designs/${created.id}/regenerate`,
      headers: owner.auth,
    });
    expect(again.statusCode).toBe(202);
    expect(['queued', 'generating']).toContain(again.json().status);
    await until(async () => (await ready()).status === 'ready');
    const second = await ready();
    expect(second.generationParams.seed).not.toBe(first.generationParams.seed);
    expect(second.modelUrl).not.toBe(first.modelUrl);
  });
});

describe('generation with a provider that refuses or is down', () => {
  let server: FakeHttpServer;
  let t: TestApp;
  beforeAll(async () => {
    server = await startFakeHttpServer();
    t = await createTestApp({
      env: {
        AI_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-local',
        OPENAI_BASE_URL: `${server.url}/v1`,
        GENERATION_MAX_ATTEMPTS: '2',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('marks the design failed with the provider’s reason when it refuses', async () => {
    server.route('POST', '/v1/chat/completions', () => chat(null, 'I cannot help with that.'));
    const owner = await signUp(t.app, 'Refused');
    const created = await createDesign(t.app, owner);
    let design: Design | undefined;
    expect(
      await until(async () => {
        design = (await t.app.inject({ url: `/api/designs/${created.id}`, headers: owner.auth })).json();
        return design!.status === 'failed';
      }),
    ).toBe(true);
    expect(design!.failureReason).toMatch(/declined/i);
  });

  it('retries a provider that is down, then fails readably, and the API stays up', async () => {
    server.route('POST', '/v1/chat/completions', () => ({
      status: 503,
      json: { error: { message: 'overloaded', type: 'server_error' } },
    }));
    const owner = await signUp(t.app, 'Down');
    const created = await createDesign(t.app, owner);
    expect((await t.app.inject('/health')).statusCode).toBe(200);
    let design: Design | undefined;
    expect(
      await until(async () => {
        design = (await t.app.inject({ url: `/api/designs/${created.id}`, headers: owner.auth })).json();
        return design!.status === 'failed';
      }, 30_000),
    ).toBe(true);
    expect(design!.failureReason).toMatch(/after several attempts/);
    expect(server.requestsTo('POST', '/v1/chat/completions').length).toBeGreaterThanOrEqual(2);
  });
});

describe('a generation whose worker is killed mid-job', () => {
  it('is finished by the next process', async () => {
    const server = await startFakeHttpServer();
    const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#ff7f50' } })
      .png()
      .toBuffer();
    let hang = true;
    server.route('POST', '/v1/chat/completions', () => (hang ? new Promise(() => {}) : chat(spec)));
    server.route('POST', '/v1/images/generations', () => ({
      json: { created: 1, data: [{ b64_json: png.toString('base64') }] },
    }));
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'btb-gen-crash-'));
    const scratch = env.databaseUrl ? await createScratchDatabase(env.databaseUrl) : undefined;
    const shared = { databaseUrl: scratch?.url, dataDir };
    const providerEnv = {
      AI_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-local',
      OPENAI_BASE_URL: `${server.url}/v1`,
      GENERATION_LEASE_MS: '2000',
    };
    try {
      // Create the design without running it, then let go of the database.
      let base = await createTestPlatform(providerEnv, { shared });
      let app = await buildApp({ platform: base.platform, background: false, webRoot: false });
      const owner = await signUp(app, 'Crash');
      const created = await createDesign(app, owner);
      await app.close();
      await base.cleanup();

      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, '../../testing/generation-crash-child.ts')],
        {
          env: {
            ...process.env,
            CHILD_DATABASE_URL: scratch?.url ?? '',
            CHILD_DATA_DIR: dataDir,
            CHILD_OPENAI_BASE_URL: `${server.url}/v1`,
            GENERATION_LEASE_MS: '2000',
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      expect(await until(() => server.requestsTo('POST', '/v1/chat/completions').length > 0, 30_000)).toBe(
        true,
      );
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      hang = false;
      base = await createTestPlatform(providerEnv, { shared });
      app = await buildApp({ platform: base.platform, webRoot: false });
      await app.ready();
      let design: Design | undefined;
      expect(
        await until(async () => {
          design = (await app.inject({ url: `/api/designs/${created.id}`, headers: owner.auth })).json();
          return design!.status === 'ready';
        }, 60_000),
      ).toBe(true);
      expect(design!.aiModel).toBe('gpt-image-1.5');
      // The raster print is shown on the garment, not as a bare swatch.
      const preview = await sharp((await app.inject(design!.previewUrl!)).rawPayload).metadata();
      expect([preview.width, preview.height]).toEqual([800, 1000]);
      expect(design!.previewUrl).not.toBe(design!.imageUrl);
      expect(design!.quality).toMatchObject({ vector: false, sourceWidthPx: 256 });
      await app.close();
      await base.cleanup();
    } finally {
      await server.close();
      await scratch?.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
