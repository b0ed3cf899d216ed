import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';

/**
 * The JWT signing secret: from JWT_SECRET, or in embedded mode generated once and kept in
 * DATA_DIR/secrets.json (readable by the owner only) so sessions survive a restart.
 */
export async function resolveJwtSecret(config: Config): Promise<Uint8Array> {
  if (config.JWT_SECRET) return new TextEncoder().encode(config.JWT_SECRET);
  const file = path.resolve(config.DATA_DIR, 'secrets.json');
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { jwtSecret?: string };
    if (stored.jwtSecret && stored.jwtSecret.length >= 32) return new TextEncoder().encode(stored.jwtSecret);
  } catch {}
  const jwtSecret = randomBytes(48).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ jwtSecret }), { mode: 0o600 });
  return new TextEncoder().encode(jwtSecret);
}
