import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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
