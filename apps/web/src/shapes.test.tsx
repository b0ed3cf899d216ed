// @vitest-environment node
/**
 * The web app is typed from the server's contract: a shape the contracts package declares is
 * imported from `@btb/contracts`, never declared again here, where it could drift.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const webSrc = fileURLToPath(new URL('.', import.meta.url));
const contractsSrc = fileURLToPath(new URL('../../../packages/contracts/src/', import.meta.url));

const sources = (dir: string, ext: RegExp) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));

/** Type names the contracts declare: their types, and the name each `fooBarSchema` stands for. */
function contractTypeNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sources(contractsSrc, /\.ts$/)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/export (?:type|interface) (\w+)/g)) names.add(m[1]!);
    for (const m of text.matchAll(/export const (\w+)Schema\b/g))
      names.add(m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1));
  }
  return names;
}

/** `type X =` / `interface X` declarations in the web app, by file. */
export function redeclaredShapes(files: Array<{ path: string; text: string }>, contractNames: Set<string>) {
  const found: string[] = [];
  for (const { path, text } of files) {
    const declarations =
      /^\s*(?:export\s+)?(?:declare\s+)?(?:type|interface)\s+(\w+)\s*(?:<[^>]*>\s*)?(?:=|\{|extends)/gm;
    for (const m of text.matchAll(declarations)) if (contractNames.has(m[1]!)) found.push(`${path}: ${m[1]}`);
  }
  return found;
}

const webFiles = sources(webSrc, /\.tsx?$/)
  .filter((f) => !/\.test\.tsx?$/.test(f))
  .map((f) => ({ path: relative(webSrc, f), text: readFileSync(f, 'utf8') }));

describe('shapes from one source', () => {
  const contractNames = contractTypeNames();

  it('knows the contract names it guards', () => {
    for (const name of [
      'Page',
      'PublicConfig',
      'PaymentResult',
      'AdminStats',
      'Design',
      'User',
      'LikeResponse',
    ])
      expect(contractNames).toContain(name);
  });

  it('finds a hand-written copy of a server shape', () => {
    const copy = {
      path: 'api/index.ts',
      text: "import { type Design, api } from './x';\nexport interface Page<T> {\n  items: T[];\n}\ntype User = { id: string };\n",
    };
    expect(redeclaredShapes([copy], contractNames)).toEqual(['api/index.ts: Page', 'api/index.ts: User']);
  });

  it('no server shape is declared again in apps/web', () => {
    expect(redeclaredShapes(webFiles, contractNames)).toEqual([]);
  });

  it('the API client types its requests by name, not by inline object shapes', () => {
    const api = webFiles.find((f) => f.path === join('api', 'index.ts'))!;
    expect(api.text.match(/<\{[^}]*\}>/g) ?? []).toEqual([]);
  });

  it('the API client and the stores import no page (no import cycle)', () => {
    const offenders = webFiles
      .filter((f) => /^(api|stores)[\\/]/.test(f.path) && /from '\.\.\/pages\//.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
