import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { withPageMeta } from '../../platform/http/page-meta.ts';
import { type Session, signUp } from '../../testing/fixtures.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';
import { designs } from './tables.ts';

const indexHtml = `<!doctype html>
<html lang="en">
  <head>
    <title>Boutique-To-Box — describe a garment, get it in a box</title>
    <meta
      name="description"
      content="The generic description."
    />
  </head>
  <body><div id="root"></div></body>
</html>`;

/** Every <meta> of the page as `property or name → content`, entities left as they are. */
const metaOf = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)" \/>/g)].map((m) => [m[1], m[2]]),
  );

describe('link previews of design pages', () => {
  let base: TestPlatform;
  let app: FastifyInstance;
  let owner: Session;
  let webRoot: string;
  const ids: Record<'shared' | 'hostile' | 'private' | 'hidden', string> = {
    shared: '',
    hostile: '',
    private: '',
    hidden: '',
  };

  beforeAll(async () => {
    webRoot = mkdtempSync(path.join(tmpdir(), 'btb-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), indexHtml);
    base = await createTestPlatform({ RATE_LIMIT_AUTH_MAX: '1000' });
    app = await buildApp({ platform: base.platform, webRoot, background: false });
    await app.ready();
    owner = await signUp(app, 'Dana Designer');
    const row = (fields: Partial<typeof designs.$inferInsert>) => ({
      userId: owner.userId,
      title: 'Lemon grove',
      description: 'Small coral lemons on navy linen.',
      prompt: 'navy linen summer dress with small coral lemons',
      category: 'dress' as const,
      style: 'casual' as const,
      status: 'ready' as const,
      isPublic: true,
      previewUrl: '/files/designs/lemon/preview.png',
      ...fields,
    });
    const rows = await base.platform.database.db
      .insert(designs)
      .values([
        row({}),
        row({
          title: '"><script>alert(1)</script> & co',
          description: null,
          prompt: `a <b>bold</b> "quoted" prompt with 'apostrophes' & more`,
        }),
        row({ title: 'Secret sketch', isPublic: false }),
        row({ title: 'Taken down', hidden: true }),
      ])
      .returning({ id: designs.id });
    [ids.shared, ids.hostile, ids.private, ids.hidden] = rows.map((r) => r.id);
  });
  afterAll(async () => {
    await app?.close();
    await base?.cleanup();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves a public design page with its title, description and preview PNG as an absolute URL', async () => {
    const res = await app.inject(`/designs/${ids.shared}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBeDefined();
    const meta = metaOf(res.body);
    expect(meta).toMatchObject({
      'og:type': 'article',
      'og:site_name': 'Boutique-To-Box',
      'og:title': 'Lemon grove — Boutique-To-Box',
      'og:description': 'Small coral lemons on navy linen.',
      'og:url': `http://localhost:8080/designs/${ids.shared}`,
      'og:image': 'http://localhost:8080/files/designs/lemon/preview.png',
      'og:image:alt': 'Lemon grove on a dress',
      'twitter:card': 'summary_large_image',
      'twitter:title': 'Lemon grove — Boutique-To-Box',
      'twitter:image': 'http://localhost:8080/files/designs/lemon/preview.png',
      description: 'Small coral lemons on navy linen.',
    });
    expect(res.body).toContain('<title>Lemon grove — Boutique-To-Box</title>');
    // One title and one description: replaced, not added beside the generic ones.
    expect(res.body.match(/<title>/g)).toHaveLength(1);
    expect(res.body.match(/name="description"/g)).toHaveLength(1);
    // The app itself is still there to render the page.
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('escapes whatever a designer typed', async () => {
    const res = await app.inject(`/designs/${ids.hostile}`);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<b>bold');
    const meta = metaOf(res.body);
    expect(meta['og:title']).toBe(
      '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co — Boutique-To-Box',
    );
    expect(meta['og:description']).toContain(
      '&lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; prompt with &#39;apostrophes&#39; &amp; more',
    );
    expect(res.body).toContain('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('tells nothing about private, hidden, unknown or malformed designs', async () => {
    for (const url of [
      `/designs/${ids.private}`,
      `/designs/${ids.hidden}`,
      `/designs/${randomUUID()}`,
      '/designs/garbage',
      `/designs/${encodeURIComponent('"><svg onload=alert(1)>')}`,
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/Secret sketch|Taken down|<svg onload/);
      const meta = metaOf(res.body);
      expect(meta['og:title'], url).toBe('Boutique-To-Box — describe a garment, get it in a box');
      expect(meta['og:url'], url).toBe('http://localhost:8080/');
      expect(meta['og:image'], url).toBe('http://localhost:8080/icons/icon-512.png');
    }
  });

  it('answers the owner the same: previews are made for whoever the link is shared with', async () => {
    const res = await app.inject({ url: `/designs/${ids.private}`, headers: owner.auth });
    expect(res.body).not.toContain('Secret sketch');
  });
});

describe('withPageMeta', () => {
  it('leaves a page without description or image well-formed', () => {
    const html = withPageMeta('<html><head><title>x</title></head><body></body></html>', {
      title: 'A $& B $1',
      description: 'Line one\n\n   line two',
      url: 'https://shop.example/designs/1',
    });
    // Replacement patterns in the text are text, not back-references.
    expect(html).toContain('<title>A $&amp; B $1</title>');
    expect(html).toContain('<meta name="twitter:card" content="summary" />');
    expect(html).not.toContain('og:image');
    expect(html).toContain('<meta property="og:description" content="Line one line two" />');
  });
});
