import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server package's directory. Found from this file, so it is right both from the sources
 * (`src/platform/`, under tsx and vitest) and from the compiled bundle (`dist/`).
 */
export const serverRoot = findServerRoot(path.dirname(fileURLToPath(import.meta.url)));

function findServerRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'drizzle')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the server package above ${from}`);
  }
}

/** Database migrations, shipped beside the build. */
export const migrationsFolder = path.join(serverRoot, 'drizzle');

/** The built web app (`npm run build:web`). */
export const webDistFolder = path.join(serverRoot, '..', 'web', 'dist');
