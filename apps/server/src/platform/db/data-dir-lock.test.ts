import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { DataDirInUseError } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';

/** Runs a command to its end; its exit code and what it printed. */
function run(command: string, args: string[], env: Record<string, string>, input = '') {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(input);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('embedded data directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'btb-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second opener of the same DATA_DIR with a clear error, and admits one after close', async () => {
    const config = testConfig({ DATA_DIR: dir, DATABASE_URL: undefined });
    const first = await openDatabase(config);
    try {
      const second = await openDatabase(config).catch((error: unknown) => error);
      expect(second).toBeInstanceOf(DataDirInUseError);
      expect((second as Error).message).toMatch(new RegExp(`in use by another .*pid ${process.pid}`));
    } finally {
      await first.close();
    }
    const again = await openDatabase(config);
    await again.db.execute(sql`select 1`);
    await again.close();
  }, 120_000);

  it('is not blocked by the lock of a process that was killed', async () => {
    const socket = path.join(dir, '.lock.sock');
    const holder = spawn(
      process.execPath,
      ['-e', "require('net').createServer().listen(process.argv[1], () => console.log('held'))", socket],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    await new Promise((resolve) => {
      holder.once('exit', resolve);
      holder.kill('SIGKILL');
    });
    const database = await openDatabase(testConfig({ DATA_DIR: dir, DATABASE_URL: undefined }));
    await database.close();
  }, 120_000);

  it('makes the admin CLI refuse to write behind a running server', async () => {
    const server = await openDatabase(testConfig({ DATA_DIR: dir, DATABASE_URL: undefined }));
    try {
      const cli = path.join(import.meta.dirname, '../../cli/admin-create.ts');
      const env = { DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '', NATS_URL: '', NODE_ENV: 'test' };
      // The password comes through a pipe; on the command line it is refused.
      const onCommandLine = await run(
        process.execPath,
        ['--import', 'tsx', cli, '--email', 'ops@example.com', '--password', 'linen-lemons-42'],
        env,
      );
      expect(onCommandLine.code).toBe(2);
      expect(onCommandLine.output).toMatch(/Usage: npm run admin:create/);
      const result = await run(
        process.execPath,
        ['--import', 'tsx', cli, '--email', 'ops@example.com'],
        env,
        'linen-lemons-42\n',
      );
      expect(result.code).toBe(3);
      expect(result.output).toMatch(/in use by another Boutique-To-Box process/);
      expect(result.output).toMatch(/stop the server, run the command, start the server again/);
    } finally {
      await server.close();
    }
  }, 120_000);
});
