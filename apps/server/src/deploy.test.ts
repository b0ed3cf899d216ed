import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { configSchema } from './config.ts';
import { Nginx } from './testing/cluster.ts';

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
    expect(byKind('Ingress')).toHaveLength(1);
  });

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
