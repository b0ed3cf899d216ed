// Compiles the server (and the packages it uses) to JavaScript with esbuild, and builds the web app
// with Vite. `node scripts/build.mjs [server|web]...`: both when none is named.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

export const serverDist = at('apps/server/dist');
const serverStamp = path.join(serverDist, '.build');
const webIndex = at('apps/web/dist/index.html');

/** The programs in the build: the server and the operator's commands. */
const serverEntries = ['main', 'cli/admin-create', 'cli/seed', 'cli/generate'];

const workspaces = ['apps/server', 'packages/contracts', 'packages/pattern-engine'];

/**
 * Registry packages compiled into the bundle rather than imported at run time. Node resolves
 * every file of a package against its package.json; drizzle-orm has ~450 files and a 175 kB
 * exports map, which costs ~0.9 s and ~200 MB on Node 24 when imported file by file.
 */
const bundledPackages = new Set(['drizzle-orm']);

/** Every other registry dependency stays a package import; our own workspaces are compiled in. */
function externalPackages() {
  const names = new Set();
  for (const ws of workspaces) {
    const manifest = JSON.parse(readFileSync(at(ws, 'package.json'), 'utf8'));
    for (const name of Object.keys(manifest.dependencies ?? {}))
      if (!name.startsWith('@btb/') && !bundledPackages.has(name)) names.add(name);
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

export async function buildServer() {
  const { build } = await import('esbuild');
  rmSync(serverDist, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: serverEntries.map((e) => ({ in: `apps/server/src/${e}.ts`, out: e })),
    outdir: serverDist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    chunkNames: 'chunks/[name]-[hash]',
    external: externalPackages(),
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(serverStamp, `${new Date().toISOString()}\n`);
}

export function buildWeb() {
  execFileSync('npm', ['run', 'build', '--silent', '-w', '@btb/web'], { cwd: root, stdio: 'inherit' });
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p))
        if (entry !== 'node_modules' && entry !== 'dist') visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(at(p));
  return newest;
}

const mtimeOf = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

const sharedInputs = ['packages/contracts', 'package-lock.json', 'scripts/build.mjs'];

/** What needs building: an output that is missing, or older than any of its sources. */
export function staleParts() {
  const parts = [];
  const hasSources = existsSync(at('apps/server/src'));
  if (!existsSync(serverStamp) && !hasSources)
    throw new Error('no compiled server and no sources to build it from');
  if (
    hasSources &&
    newestMtime(['apps/server/src', 'apps/server/package.json', 'packages/pattern-engine', ...sharedInputs]) >
      mtimeOf(serverStamp)
  )
    parts.push('server');
  if (existsSync(at('apps/web/src')) && newestMtime(['apps/web', ...sharedInputs]) > mtimeOf(webIndex))
    parts.push('web');
  return parts;
}

export async function buildParts(parts) {
  for (const part of parts) {
    const started = performance.now();
    if (part === 'server') await buildServer();
    else if (part === 'web') buildWeb();
    else throw new Error(`unknown part "${part}" (server, web)`);
    console.error(`built ${part} in ${Math.round(performance.now() - started)} ms`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const named = process.argv.slice(2);
  await buildParts(named.length ? named : ['server', 'web']);
}
