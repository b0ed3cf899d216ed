import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, PrivateServer, waitForPort } from './private-servers.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const PG_BIN = '/usr/lib/postgresql/15/bin';

/** PostgreSQL refuses to run as root: when we are root, its programs run as the postgres user. */
function asPostgres(program: string, args: string[]): [string, string[]] {
  const binary = path.join(PG_BIN, program);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

async function pg(program: string, args: string[]) {
  const [command, argv] = asPostgres(program, args);
  return run(command, argv, { timeout: 60_000 });
}

/** A private PostgreSQL primary with one streaming replica (`pg_basebackup -R`). */
export class PostgresPair {
  private constructor(
    readonly dir: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
  ) {}

  get primaryUrl() {
    return `postgres://postgres@127.0.0.1:${this.primaryPort}/postgres`;
  }
  get replicaUrl() {
    return `postgres://postgres@127.0.0.1:${this.replicaPort}/postgres`;
  }
  private get primaryDir() {
    return path.join(this.dir, 'primary');
  }
  private get replicaDir() {
    return path.join(this.dir, 'replica');
  }

  static async create(): Promise<PostgresPair> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'btb-pg-'));
    if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres:postgres', dir]);
    const pair = new PostgresPair(dir, await freePort(), await freePort());
    await pg('initdb', ['-D', pair.primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    await pair.startPrimary();
    await pg('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(pair.primaryPort),
      '-U',
      'postgres',
      '-D',
      pair.replicaDir,
      '-R',
      '-X',
      'stream',
    ]);
    await pair.startReplica();
    return pair;
  }

  private async ctl(dataDir: string, port: number, action: 'start' | 'stop') {
    const options = `-p ${port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    const args =
      action === 'start'
        ? ['-D', dataDir, '-o', options, '-l', path.join(this.dir, `${port}.log`), '-w', 'start']
        : ['-D', dataDir, '-m', 'fast', '-w', 'stop'];
    await pg('pg_ctl', args);
  }

  startPrimary() {
    return this.ctl(this.primaryDir, this.primaryPort, 'start');
  }
  startReplica() {
    return this.ctl(this.replicaDir, this.replicaPort, 'start');
  }
  stopReplica() {
    return this.ctl(this.replicaDir, this.replicaPort, 'stop');
  }

  async dispose() {
    await this.ctl(this.replicaDir, this.replicaPort, 'stop').catch(() => {});
    await this.ctl(this.primaryDir, this.primaryPort, 'stop').catch(() => {});
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * The one place that knows how a server process is started: as `npm start` does (the compiled
 * build, built first when stale), with the role on the command line.
 */
export function serverCommand(role: 'api' | 'worker'): [string, string[]] {
  return [process.execPath, [path.join(repoRoot, 'scripts/run.mjs'), 'main', '--role', role]];
}

/** Builds what is stale once, before several servers start at the same time and would each build it. */
export async function buildServer(): Promise<void> {
  const script = `import(${JSON.stringify(path.join(repoRoot, 'scripts/build.mjs'))}).then((b) => b.buildParts(b.staleParts()))`;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, timeout: 300_000 });
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  /** Exits nobody asked for (a crash, an unhandled rejection): a supervisor would restart these. */
  unexpectedExits = 0;
  constructor(
    readonly name: string,
    readonly role: 'api' | 'worker',
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Whether the process is alive (started, not exited). */
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const [command, args] = serverCommand(this.role);
    const log = createWriteStream(this.logFile, { flags: 'a' });
    this.child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.pipe(log);
    this.child.stderr!.pipe(log);
    const child = this.child;
    this.stopping = false;
    child.once('exit', () => {
      if (!this.stopping) this.unexpectedExits++;
    });
    const end = Date.now() + 120_000;
    while (Date.now() < end) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited: ${await this.logTail()}`);
      const status = await request(`${this.url}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} did not answer /health: ${await this.logTail()}`);
  }

  /** `kill -9`: no drain, no shutdown hooks. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.stopping = true;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill(signal);
    });
  }

  async logTail(lines = 30): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return text.split('\n').slice(-lines).join('\n');
  }
}

/** Debian's nginx running the project's own deploy/nginx.conf, its upstream pointed at our ports. */
export class Nginx {
  private child: ChildProcess | undefined;
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The project's configuration with the deployment's parts (listen port, upstream servers) filled in. */
  static async template(apiPorts: number[], listenPort: number): Promise<string> {
    const source = await readFile(path.join(repoRoot, 'deploy/nginx.conf'), 'utf8');
    const upstream = /^(\s*)server api:8080[^;]*;/m;
    const listen = /^(\s*)listen 80;/m;
    if (!upstream.test(source) || !listen.test(source))
      throw new Error('deploy/nginx.conf: expected `server api:8080 ...;` and `listen 80;`');
    return source
      .replace(upstream, (_m, indent: string) =>
        apiPorts.map((p) => `${indent}server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n'),
      )
      .replace(listen, (_m, indent: string) => `${indent}listen 127.0.0.1:${listenPort};`);
  }

  /** A complete nginx.conf around the site configuration, with every path inside `dir`. */
  static async writeConfig(dir: string, site: string): Promise<string> {
    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
      await mkdir(path.join(dir, sub), { recursive: true });
    await writeFile(path.join(dir, 'site.conf'), site);
    const main = [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n');
    const file = path.join(dir, 'nginx.conf');
    await writeFile(file, main);
    return file;
  }

  static async check(file: string): Promise<void> {
    await run('nginx', ['-t', '-q', '-c', file, '-g', 'daemon off;']);
  }

  static async start(apiPorts: number[]): Promise<Nginx> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'btb-nginx-'));
    const nginx = new Nginx(dir, await freePort());
    const file = await Nginx.writeConfig(dir, await Nginx.template(apiPorts, nginx.port));
    nginx.child = spawn('nginx', ['-c', file, '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForPort(nginx.port);
    return nginx;
  }

  async dispose(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
  text: string;
}

/**
 * One HTTP request from a chosen loopback address (127.0.0.2, 127.0.0.3 ...), so that clients with
 * different addresses can be told apart by per-IP limits on one machine.
 */
export function request(
  url: string,
  options: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    token?: string;
    from?: string;
    timeoutMs?: number;
  } = {},
): Promise<Reply> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (payload) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers,
        localAddress: options.from,
        agent: false,
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Everything the scale-out suite runs, stopped in reverse order by `dispose()` whatever happened. */
export class Cluster {
  readonly disposers: (() => Promise<unknown>)[] = [];
  postgres!: PostgresPair;
  redis!: PrivateServer;
  nats!: PrivateServer;
  apis: ServerProcess[] = [];
  worker!: ServerProcess;
  nginx!: Nginx;
  dir!: string;
  env!: Record<string, string>;

  async start(apiCount: number, extraEnv: Record<string, string> = {}) {
    this.dir = await mkdtemp(path.join(os.tmpdir(), 'btb-cluster-'));
    this.disposers.push(() => rm(this.dir, { recursive: true, force: true }));
    const [postgres, redis, nats] = await Promise.all([
      PostgresPair.create(),
      PrivateServer.create('redis'),
      PrivateServer.create('nats'),
    ]);
    this.postgres = postgres;
    this.redis = redis;
    this.nats = nats;
    this.disposers.push(
      () => postgres.dispose(),
      () => redis.dispose(),
      () => nats.dispose(),
    );
    const files = path.join(this.dir, 'data');
    await mkdir(files, { recursive: true });
    if (process.getuid?.() === 0) await chown(this.dir, 0, 0);
    this.env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: postgres.primaryUrl,
      DATABASE_READ_URLS: postgres.replicaUrl,
      DATABASE_POOL_MAX: '10',
      REDIS_URL: redis.url,
      NATS_URL: nats.url,
      NATS_STREAM: 'SCALE_OUT_EVENTS',
      JWT_SECRET: 'scale-out-secret-scale-out-secret-0123456789',
      PUBLIC_URL: 'http://localhost:8080',
      ALLOW_TEST_PAYMENTS: 'true',
      // One proxy hop: nginx. The server may read this as a hop count or as "trust the proxy".
      TRUST_PROXY: '1',
      DATA_DIR: files,
      OUTBOX_POLL_MS: '100',
      JOBS_POLL_MS: '100',
      SIMULATOR_STEP_MS: '200',
      GENERATION_LEASE_MS: '5000',
      // An instance is killed under load: the outbox rows it had claimed are taken over in seconds.
      OUTBOX_LEASE_MS: '5000',
      RATE_LIMIT_API_MAX: '1000000',
      RATE_LIMIT_DESIGNS_PER_HOUR: '100000',
      ...extraEnv,
    };
    await buildServer();
    this.worker = this.server('worker', 'worker', await freePort());
    for (let i = 0; i < apiCount; i++) this.apis.push(this.server(`api-${i + 1}`, 'api', await freePort()));
    await Promise.all([this.worker, ...this.apis].map((server) => server.start()));
    this.nginx = await Nginx.start(this.apis.map((a) => a.port));
    this.disposers.push(() => this.nginx.dispose());
  }

  server(name: string, role: 'api' | 'worker', port: number): ServerProcess {
    const server = new ServerProcess(name, role, port, this.env, path.join(this.dir, `${name}.log`));
    this.disposers.push(() => server.kill('SIGKILL'));
    return server;
  }

  /**
   * Counts every message the relays publish, per eventId, with a plain NATS subscription: it sees
   * each publish, including the ones JetStream would drop as duplicates inside its window.
   */
  /**
   * Counts each event the stream stores from now on, by its eventId: what consumers are handed. A
   * relay that dies between publishing and marking a row has it published again by another (at
   * least once, by design); JetStream's duplicate window stores it once, and this counts that.
   */
  async watchEvents(): Promise<Map<string, number>> {
    const { connect } = await import('@nats-io/transport-node');
    const { DeliverPolicy, jetstream } = await import('@nats-io/jetstream');
    const nc = await connect({ servers: this.nats.url.replace(/^nats:\/\//, '') });
    this.disposers.push(() => nc.close());
    const seen = new Map<string, number>();
    const consumer = await jetstream(nc).consumers.get(this.env.NATS_STREAM!, {
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume({
      callback: (message) => {
        const { eventId } = message.json<{ eventId: string }>();
        seen.set(eventId, (seen.get(eventId) ?? 0) + 1);
      },
    });
    this.disposers.push(async () => messages.stop());
    return seen;
  }

  async sql<T = Record<string, unknown>>(text: string, url = this.postgres.primaryUrl): Promise<T[]> {
    const { default: pgClient } = await import('pg');
    const client = new pgClient.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async dispose() {
    for (const dispose of this.disposers.reverse()) await dispose().catch(() => {});
  }
}
