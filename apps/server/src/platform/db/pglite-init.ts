import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * PostgreSQL settings for the embedded database: one user at a time on a laptop or a small
 * server, so a small buffer pool (PGlite's default of 128 MB is kept resident in the WASM heap).
 */
export const pgliteSettings = ['shared_buffers = 16MB', 'wal_buffers = 1MB'];

/**
 * Creates a new embedded database cluster in a short-lived child process. `initdb` grows the
 * WASM heap to ~550 MB and a WASM heap never shrinks, so doing it in the server's own process
 * would keep that memory for the server's whole life.
 */
export async function initPgliteDataDir(dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'PG_VERSION'))) return;
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(process.argv[1]);
const db = await PGlite.create({ dataDir: process.argv[2] });
await db.close();`;
  await run(process.execPath, ['--input-type=module', '-e', script, pglite, dir]);
}
