/**
 * The production image, built the way deploy/Dockerfile builds it but without a container engine:
 * the build context honours .dockerignore, the runtime gets production dependencies only plus the
 * compiled server, its migrations and the built web app, and it must start and serve a design.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designBody, until } from './testing/fixtures.ts';
import { freePort } from './testing/private-servers.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const manifests = [
  'package.json',
  'package-lock.json',
  'apps/server/package.json',
  'apps/web/package.json',
  'packages/contracts/package.json',
  'packages/pattern-engine/package.json',
];

/** `COPY . .`: every file of the repository that .dockerignore does not leave out. */
function copyBuildContext(to: string) {
  const ignore = dockerignore().add(readFileSync(path.join(root, '.dockerignore'), 'utf8'));
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (ignore.ignores(child)) continue;
      if (entry.isDirectory()) visit(child);
      else cpSync(path.join(root, child), path.join(to, child));
    }
  };
  visit('');
}

describe('production image', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'btb-image-'));
  const context = path.join(work, 'context');
  const app = path.join(work, 'app');
  let server: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    copyBuildContext(context);
    // Build stage: `npm run build` over the same sources (built here only where out of date).
    execFileSync(
      process.execPath,
      ['-e', "import('./scripts/build.mjs').then((b) => b.buildParts(b.staleParts()))"],
      { cwd: root, stdio: 'inherit' },
    );
    // Dependencies stage: the manifests and `npm ci --omit=dev`.
    for (const file of manifests) cpSync(path.join(context, file), path.join(app, file));
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      stdio: 'inherit',
    });
    // Runtime stage: the compiled server, its migrations and the web app.
    cpSync(path.join(root, 'apps/server/dist'), path.join(app, 'apps/server/dist'), { recursive: true });
    cpSync(path.join(context, 'apps/server/drizzle'), path.join(app, 'apps/server/drizzle'), {
      recursive: true,
    });
    cpSync(path.join(root, 'apps/web/dist'), path.join(app, 'apps/web/dist'), { recursive: true });

    const dataDir = path.join(work, 'data');
    mkdirSync(dataDir);
    // A free port can be taken between asking for it and listening on it: then the server exits
    // and starts again on another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const env: Record<string, string | undefined> = {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      };
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'NATS_URL']) delete env[name];
      const started = spawn(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
        cwd: app,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      server = started;
      await until(
        () =>
          started.exitCode !== null ||
          fetch(`${base}/ready`).then(
            (r) => r.ok,
            () => false,
          ),
        120_000,
        100,
      );
      if (started.exitCode === null) break;
      if (attempt === 3) throw new Error(`the compiled server exited with ${started.exitCode} three times`);
    }
  }, 600_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('leaves installed trees, local data, history and tests out of the build context', () => {
    expect(existsSync(path.join(context, 'apps/server/src/main.ts'))).toBe(true);
    expect(existsSync(path.join(context, 'scripts/build.mjs'))).toBe(true);
    expect(existsSync(path.join(context, 'apps/web/index.html'))).toBe(true);
    for (const left of ['node_modules', 'data', '.git', 'apps/server/dist', 'apps/web/dist', 'apps/web/e2e'])
      expect(existsSync(path.join(context, left)), left).toBe(false);
    expect(existsSync(path.join(context, 'apps/server/src/production-image.test.ts'))).toBe(false);
  });

  it('installs no development or web-only package at run time', () => {
    for (const name of [
      'tsx',
      'esbuild',
      'vite',
      'vitest',
      'typescript',
      'react',
      'react-dom',
      'lucide-react',
      'node',
    ])
      expect(existsSync(path.join(app, 'node_modules', name)), name).toBe(false);
  });

  it('starts from the compiled build and generates, stores and serves a design', async () => {
    const registered = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'image@example.com', password: 'a-long-passphrase-42', name: 'Image' }),
    });
    expect(registered.status).toBe(201);
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/designs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(designBody()),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    let design: { status: string; thumbnailUrl: string | null } | undefined;
    await until(async () => {
      design = await (await fetch(`${base}/api/designs/${id}`, { headers: auth })).json();
      return design!.status === 'ready' || design!.status === 'failed';
    }, 60_000);
    expect(design!.status).toBe('ready');
    const thumbnail = await fetch(`${base}${design!.thumbnailUrl}`, { headers: auth });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toMatch(/^image\//);
  });

  it('serves the web app like a CDN: compressed, hashed files immutable, entry points revalidated, no source maps', async () => {
    const page = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await asset.text()).not.toMatch(/sourceMappingURL/);

    const worker = await fetch(`${base}/sw.js`);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(await worker.text()).toContain(script!.slice(1));

    expect((await fetch(`${base}${script}.map`)).status).toBe(404);
    expect((await fetch(`${base}/gallery`)).headers.get('cache-control')).toBe('no-cache');
  });
});
