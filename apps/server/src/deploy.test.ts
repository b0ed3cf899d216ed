import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { configSchema } from './config.ts';
import { Nginx } from './testing/cluster.ts';
import { createTestApp } from './testing/test-app.ts';

const deploy = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const settings = new Set(Object.keys(configSchema.shape));
const hasNginx = (() => {
  try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function documents(file: string): Promise<any[]> {
  const docs = parseAllDocuments(await readFile(path.join(deploy, file), 'utf8'), { merge: true });
  for (const doc of docs) expect(doc.errors, file).toEqual([]);
  return docs.map((d) => d.toJS({ maxAliasCount: 100 }));
}

describe('deployment files', () => {
  it('Kubernetes: every variable is a setting, probes outlast /ready, the HPA is the brief’s', async () => {
    const docs = await documents('k8s/boutique-to-box.yaml');
    const byKind = (kind: string) => docs.filter((d) => d.kind === kind);
    const config = byKind('ConfigMap')[0];
    for (const name of Object.keys(config.data)) expect(settings, name).toContain(name);
    expect(config.data.TRUST_PROXY).toBe('1');

    const deployments = byKind('Deployment');
    expect(deployments.map((d) => d.spec.template.spec.containers[0].args.join(' ')).sort()).toEqual([
      '--role api',
      '--role worker',
    ]);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      const container = pod.containers[0];
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      for (const env of container.env ?? []) expect(settings, env.name).toContain(env.name);
      expect(container.startupProbe.httpGet.path).toBe('/health');
      expect(container.livenessProbe.httpGet.path).toBe('/health');
      expect(container.readinessProbe.httpGet.path).toBe('/ready');
      // /ready waits up to 1.5 s for each dependency.
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
        expect(container[probe].timeoutSeconds, `${d.metadata.name} ${probe}`).toBeGreaterThan(1.5);
    }

    const api = byKind('HorizontalPodAutoscaler').find((h) => h.metadata.name === 'btb-api');
    expect(api.spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 50,
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 60,
          policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
        },
        scaleDown: {
          stabilizationWindowSeconds: 300,
          policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }],
        },
      },
    });
    expect(byKind('PodDisruptionBudget')).toHaveLength(2);

    // No configuration snippets; /metrics and /docs only on an Ingress with an allow-list.
    const ingresses = byKind('Ingress');
    for (const ingress of ingresses)
      for (const annotation of Object.keys(ingress.metadata.annotations ?? {}))
        expect(annotation, ingress.metadata.name).not.toMatch(/snippet/);
    const pathsOf = (ingress: any) =>
      ingress.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.path)).sort();
    const internal = ingresses.filter(
      (i) => i.metadata.annotations?.['nginx.ingress.kubernetes.io/whitelist-source-range'],
    );
    expect(internal).toHaveLength(1);
    expect(pathsOf(internal[0])).toEqual(['/docs', '/metrics']);
    for (const range of internal[0].metadata.annotations[
      'nginx.ingress.kubernetes.io/whitelist-source-range'
    ].split(','))
      expect(range).toMatch(/^(10\.|172\.16\.|192\.168\.)[\d.]+\/\d+$/);
    const services = new Set(byKind('Service').map((s) => s.metadata.name));
    for (const ingress of ingresses)
      for (const rule of ingress.spec.rules)
        for (const p of rule.http.paths) expect(services, p.path).toContain(p.backend.service.name);
  });

  it('Kong (DB-less): routes only to real API paths, validates our access tokens, applies the brief’s limits', async () => {
    const [kong] = await documents('kong/kong.yml');
    expect(kong._format_version).toBe('3.0');
    // The only value filled in at start is a real setting: the API's own JWT secret.
    const source = await readFile(path.join(deploy, 'kong/kong.yml'), 'utf8');
    const placeholders = [...source.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
    expect(new Set(placeholders)).toEqual(new Set(['JWT_SECRET']));

    const upstreams = new Set(kong.upstreams.map((u: any) => u.name));
    const t = await createTestApp({ background: false });
    try {
      const routes: string[] = t.app
        .printRoutes({ commonPrefix: false })
        .split('\n')
        .map((line: string) =>
          line
            .replace(/^[\s│├└─]+/, '')
            .replace(/ \(.*$/, '')
            .trim(),
        )
        .filter(Boolean);
      for (const service of kong.services) {
        expect(upstreams, service.name).toContain(service.host);
        for (const route of service.routes)
          for (const prefix of route.paths)
            expect(
              routes.some((r) => r === prefix || r.startsWith(prefix === '/' ? '/' : `${prefix}/`)),
              `${route.name}: ${prefix}`,
            ).toBe(true);
      }
      // Paths that must never need a token, and paths that must.
      const routeByName = new Map(kong.services.flatMap((s: any) => s.routes.map((r: any) => [r.name, r])));
      const jwtOf = (name: string) =>
        (routeByName.get(name) as any)?.plugins?.find((p: any) => p.name === 'jwt');
      expect(jwtOf('auth')).toBeUndefined();
      expect(jwtOf('webhooks')).toBeUndefined();
      expect(jwtOf('account').config).toMatchObject({ key_claim_name: 'iss', claims_to_verify: ['exp'] });
      // The credential matches how the API signs: HS256 with issuer boutique-to-box.
      const [credential] = kong.consumers.flatMap((c: any) => c.jwt_secrets);
      expect(credential).toMatchObject({
        key: 'boutique-to-box',
        algorithm: 'HS256',
      });
      expect(credential.secret).toMatch(/^\$\{JWT_SECRET\}$/);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: `kong-${Date.now()}@example.com`, password: 'linen-lemons-42', name: 'Kong' },
      });
      const [header, payload] = (login.json().accessToken as string)
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
      expect(header.alg).toBe(credential.algorithm);
      expect(payload.iss).toBe(credential.key);
      expect(payload.exp).toBeTypeOf('number');
    } finally {
      await t.close();
    }
    // The internal endpoints answer 404 at the gateway.
    const internal = kong.services.flatMap((s: any) => s.routes).find((r: any) => r.name === 'internal');
    expect(internal.paths).toEqual(expect.arrayContaining(['/metrics', '/docs']));
    expect(internal.plugins[0]).toMatchObject({ name: 'request-termination', config: { status_code: 404 } });
    // The brief's general limit on every route.
    expect(kong.plugins.find((p: any) => p.name === 'rate-limiting').config).toMatchObject({
      minute: 100,
      hour: 1000,
    });
  }, 180_000); // it builds the real app: slow on a busy machine with the embedded database

  it('compose: every variable is a setting and every service waits for healthy dependencies', async () => {
    const [compose] = await documents('docker-compose.yml');
    for (const [name, service] of Object.entries<any>(compose.services)) {
      expect(service.healthcheck, `${name} has a health check`).toBeDefined();
      for (const [dependency, condition] of Object.entries<any>(service.depends_on ?? {})) {
        expect(condition, `${name} -> ${dependency}`).toEqual({ condition: 'service_healthy' });
        expect(compose.services[dependency].healthcheck).toBeDefined();
      }
    }
    // No fixed credentials: each secret is a required variable (or empty until chosen).
    for (const [name, service] of Object.entries<any>(compose.services)) {
      for (const [variable, value] of Object.entries<any>(service.environment ?? {}))
        if (/PASSWORD|SECRET/.test(variable))
          expect(String(value), `${name} ${variable}`).toMatch(/^\$\{[A-Z0-9_]+:(\?.*|-)\}$/);
    }
    expect(compose.services.api.environment.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    for (const role of ['api', 'worker']) {
      const service = compose.services[role];
      for (const name of Object.keys(service.environment)) expect(settings, name).toContain(name);
      expect(service.environment.TRUST_PROXY).toBe('1');
      expect(service.command).toEqual(['--role', role]);
    }
  });

  it.skipIf(!hasNginx)(
    'nginx: the real configuration passes `nginx -t` and sets the client address itself',
    async () => {
      const source = await readFile(path.join(deploy, 'nginx.conf'), 'utf8');
      expect(source).not.toContain('$proxy_add_x_forwarded_for');
      expect(source).toMatch(/^\s*resolver /m);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'btb-nginx-t-'));
      try {
        const file = await Nginx.writeConfig(dir, await Nginx.template([8080, 8081], 8088));
        await Nginx.check(file);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
