// Compiles the server (and the packages it uses) to JavaScript with esbuild, and builds the web app
// with Vite. `node scripts/build.mjs [server|web]...`: both when none is named.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
    entryPoints: [
      ...serverEntries.map((e) => ({ in: `apps/server/src/${e}.ts`, out: e })),
      // Started as a worker thread by the chunk that renders (see studio/rendering.ts), so it sits beside it.
      { in: 'apps/server/src/modules/studio/render-worker.ts', out: 'chunks/render-worker' },
    ],
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
  copyEngineLibrary();
  writeFileSync(serverStamp, `${new Date().toISOString()}\n`);
}

/**
 * The pattern engine reads its motif index and lexicon beside its own code (new URL(file,
 * import.meta.url)), which esbuild leaves alone: the files go beside the chunk the engine lands in.
 */
function copyEngineLibrary() {
  const library = at('packages/pattern-engine/src/library');
  const chunks = path.join(serverDist, 'chunks');
  for (const file of readdirSync(library).filter((f) => f.endsWith('.json'))) {
    copyFileSync(path.join(library, file), path.join(chunks, file));
  }
}

const webDist = at('apps/web/dist');
/** Source maps of the web build: kept for error reporting, outside what the server serves. */
const webSourceMaps = at('apps/web/sourcemaps');
const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

export function buildWeb() {
  execFileSync('npm', ['run', 'build', '--silent', '-w', '@btb/web'], { cwd: root, stdio: 'inherit' });
  rmSync(webSourceMaps, { recursive: true, force: true });
  for (const file of filesUnder(webDist)) {
    const relative = path.relative(webDist, file);
    if (file.endsWith('.map')) {
      mkdirSync(path.dirname(path.join(webSourceMaps, relative)), { recursive: true });
      renameSync(file, path.join(webSourceMaps, relative));
    } else if (compressible.test(file) && statSync(file).size >= 1024) {
      // Served as-is by the server (and by any CDN in front of it) to clients that accept them.
      const body = readFileSync(file);
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    }
  }
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      // Outputs are not sources: the web build writes its source maps after dist/index.html;
      // the end-to-end suites drive the build but are not part of it.
      for (const entry of readdirSync(p))
        if (!['node_modules', 'dist', 'sourcemaps', 'e2e'].includes(entry)) visit(path.join(p, entry));
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
