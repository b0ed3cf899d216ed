/**
 * The motif library: drawings from open vector sets installed with the engine (see
 * scripts/build-motif-library.ts). The compact index is read once per process on first use; each
 * drawing's body is read from its set's icons.json by byte range and cached, so no set is parsed whole.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SetRole } from './phrases.ts';

export interface DrawingSet {
  prefix: string;
  package: string;
  version: string;
  role: SetRole;
  name: string;
  author: string;
  license: string;
  url: string | null;
  width: number;
  height: number;
  bytes: number;
}

interface DrawingIndex {
  sets: DrawingSet[];
  /** [set index, drawing name, byte offset of its entry in icons.json, byte length] */
  drawings: [number, string, number, number][];
  /** phrase -> [coloured drawing, line drawing], -1 where that set has none */
  phrases: Record<string, [number, number]>;
}

export interface Drawing {
  /** "fluent-emoji-flat:cat" */
  id: string;
  name: string;
  set: DrawingSet;
  body: string;
  width: number;
  height: number;
}

const require = createRequire(import.meta.url);
let index: DrawingIndex | undefined;
const bodies = new Map<string, Drawing>();
const verifiedFiles = new Map<string, string>();

function drawingIndex(): DrawingIndex {
  index ??= JSON.parse(readFileSync(new URL('./drawings.json', import.meta.url), 'utf8')) as DrawingIndex;
  return index;
}

/** The installed icons.json, checked once against the size the index was built from. */
function iconsFile(set: DrawingSet): string {
  let file = verifiedFiles.get(set.prefix);
  if (!file) {
    file = require.resolve(`${set.package}/icons.json`);
    if (statSync(file).size !== set.bytes) {
      throw new Error(`${set.package} differs from the motif index; run scripts/build-motif-library.ts`);
    }
    verifiedFiles.set(set.prefix, file);
  }
  return file;
}

/** The drawing ids for a phrase ("palm tree"), coloured first; undefined when no set has it. */
export function drawingsFor(phrase: string): { colour?: string; line?: string } | undefined {
  const { phrases, drawings, sets } = drawingIndex();
  const hit = phrases[phrase];
  if (!hit) return undefined;
  const id = (i: number) => (i >= 0 ? `${sets[drawings[i][0]].prefix}:${drawings[i][1]}` : undefined);
  return { colour: id(hit[0]), line: id(hit[1]) };
}

export function loadDrawing(id: string): Drawing {
  const cached = bodies.get(id);
  if (cached) return cached;
  const { sets, drawings } = drawingIndex();
  const [prefix, name] = id.split(':');
  const setIndex = sets.findIndex((s) => s.prefix === prefix);
  const entry = drawings.find(([s, n]) => s === setIndex && n === name);
  if (!entry) throw new Error(`unknown drawing ${id}`);
  const set = sets[setIndex];
  const buffer = Buffer.alloc(entry[3]);
  const fd = openSync(iconsFile(set), 'r');
  try {
    readSync(fd, buffer, 0, entry[3], entry[2]);
  } finally {
    closeSync(fd);
  }
  const icon = JSON.parse(buffer.toString('utf8')) as { body: string; width?: number; height?: number };
  const drawing = {
    id,
    name,
    set,
    body: icon.body,
    width: icon.width ?? set.width,
    height: icon.height ?? set.height,
  };
  bodies.set(id, drawing);
  return drawing;
}

/** Whether a drawing is an outline (stroked in one colour) rather than a coloured illustration. */
export const isLineDrawing = (id: string): boolean =>
  drawingIndex().sets.find((s) => id.startsWith(`${s.prefix}:`))?.role === 'line';

/** "hot-beverage" -> "hot beverage": how the record names a drawing. */
export const drawingLabel = (id: string): string => id.slice(id.indexOf(':') + 1).replace(/-/g, ' ');

export interface ArtCredit {
  set: string;
  author: string;
  license: string;
  url: string | null;
  drawings: string[];
}

/** One credit per set, listing the drawings used from it. */
export function creditsFor(ids: readonly string[]): ArtCredit[] {
  const bySet = new Map<string, ArtCredit>();
  for (const id of ids) {
    const { set, name } = loadDrawing(id);
    const credit = bySet.get(set.prefix) ?? {
      set: set.name,
      author: set.author,
      license: set.license,
      url: set.url,
      drawings: [],
    };
    if (!credit.drawings.includes(name)) credit.drawings.push(name);
    bySet.set(set.prefix, credit);
  }
  return [...bySet.values()];
}

/** Every set in the library, for credits pages. */
export const drawingSets = (): readonly DrawingSet[] => drawingIndex().sets;
