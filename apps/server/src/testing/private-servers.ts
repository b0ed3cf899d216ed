import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listening on ${port} after ${timeoutMs} ms`);
}

/**
 * A Redis or NATS server of the test's own on a free port, so a fault test can stop and start it
 * without touching the services other tests use. Stopped for good by `dispose()`.
 */
export class PrivateServer {
  private process: ChildProcess | undefined;
  private constructor(
    readonly kind: 'redis' | 'nats',
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(kind: 'redis' | 'nats'): Promise<PrivateServer> {
    const dir = await mkdtemp(path.join(os.tmpdir(), `btb-${kind}-`));
    const server = new PrivateServer(kind, await freePort(), dir);
    await server.start();
    return server;
  }

  get url() {
    return `${this.kind}://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const [command, args] =
      this.kind === 'redis'
        ? [
            'redis-server',
            [
              '--port',
              String(this.port),
              '--bind',
              '127.0.0.1',
              '--save',
              '',
              '--appendonly',
              'no',
              '--dir',
              this.dir,
            ],
          ]
        : ['nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dir]];
    this.process = spawn(command, args, { stdio: 'ignore' });
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    this.process = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

const postgresBin = '/usr/lib/postgresql/15/bin';

/** True when the PostgreSQL server binaries a private server needs are installed. */
export const canRunPrivatePostgres = existsSync(path.join(postgresBin, 'pg_ctl'));

/**
 * A PostgreSQL server of the test's own (initdb + pg_ctl) on a free port, so a fault test can
 * restart it without touching the shared one. PostgreSQL refuses to run as root: under root it
 * runs as the `postgres` user.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'btb-postgres-'));
    let user: { uid: number; gid: number } | undefined;
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
      user = { uid: id('-u'), gid: id('-g') };
      await chown(dir, user.uid, user.gid);
    }
    const server = new PrivatePostgres(await freePort(), dir, user);
    await server.run('initdb', [
      '-D',
      server.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await server.start();
    return server;
  }

  private get dataDir() {
    return path.join(this.dir, 'data');
  }

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(command: string, args: string[]) {
    return execFileAsync(path.join(postgresBin, command), args, { cwd: this.dir, ...this.user });
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.run('pg_ctl', [
      'start',
      '-w',
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'log'),
      '-o',
      options,
    ]);
    await waitForPort(this.port);
  }

  /** `fast` disconnects every client as a restart does (57P01); `immediate` as a crash does. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.run('pg_ctl', ['stop', '-w', '-D', this.dataDir, '-m', mode]);
  }

  async dispose(): Promise<void> {
    await this.stop('immediate').catch(() => {});
    await rm(this.dir, { recursive: true, force: true });
  }
}
