import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: { pid?: number; startedAt?: string },
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another Boutique-To-Box process${holder.pid ? ` (pid ${holder.pid})` : ''}. ` +
        'Two processes writing one embedded database lose data. Stop that process first ' +
        '(for npm run admin:create: stop the server, run the command, start the server again), ' +
        'or point this one at another DATA_DIR.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/** Unix socket paths are limited to ~107 bytes: a longer one uses Linux's abstract namespace instead. */
function socketPathFor(dir: string): string {
  const file = path.join(dir, '.lock.sock');
  if (Buffer.byteLength(file) < 100) return file;
  return `\0boutique-to-box-${createHash('sha256').update(dir).digest('hex').slice(0, 32)}`;
}

/** Who holds the lock, if anyone answers on its socket. */
function askHolder(socketPath: string): Promise<{ pid?: number; startedAt?: string } | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    let text = '';
    socket.setTimeout(2000);
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve({});
      }
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve({});
    });
    // Nobody listening: the socket file was left by a process that died.
    socket.on('error', () => resolve(null));
  });
}

/**
 * An exclusive lock on an embedded data directory, held as a listening Unix socket: the kernel
 * closes it when the process ends however it ends, so a crash never leaves a lock that blocks the
 * next start (a leftover socket file that nobody answers is stale and replaced).
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const socketPath = socketPathFor(dir);
  const info = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    const server = net.createServer((socket) => socket.end(info));
    const listened = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      server.once('error', resolve);
      server.listen(socketPath, () => resolve(null));
    });
    if (!listened) {
      server.unref();
      return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    }
    if (listened.code !== 'EADDRINUSE') throw listened;
    const holder = await askHolder(socketPath);
    if (holder) throw new DataDirInUseError(dir, holder);
    await unlink(socketPath).catch(() => {});
  }
  throw new DataDirInUseError(dir, {});
}
