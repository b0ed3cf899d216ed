import pg from 'pg';

/** PostgreSQL's type id of `text[]` (not among the driver's named built-in types). */
export const TEXT_ARRAY_OID = 1009 as Parameters<typeof pg.types.getTypeParser>[0];

const parseGeneric = pg.types.getTypeParser(TEXT_ARRAY_OID, 'text') as (text: string) => unknown;

const OPEN = 123; // {
const QUOTE = 34; // "
const BACKSLASH = 92; // \

/**
 * A one-dimensional `text[]` as PostgreSQL writes it (`{a,"b c",NULL,"x\"y"}`), read with a few
 * slices per element. The driver's general parser reads every array character by character, which
 * made it a tenth of a gallery page's CPU (two arrays per design). Anything else it was not written
 * for (more dimensions, explicit bounds) goes to the general parser.
 */
export function parseTextArray(text: string): unknown {
  const end = text.length - 1;
  if (text.charCodeAt(0) !== OPEN) return parseGeneric(text);
  const items: (string | null)[] = [];
  let i = 1;
  while (i < end) {
    const first = text.charCodeAt(i);
    if (first === OPEN) return parseGeneric(text);
    if (first === QUOTE) {
      let value = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        if (j >= end) return parseGeneric(text);
        const c = text.charCodeAt(j);
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          value += text.slice(from, j);
          from = j + 1;
          j += 2;
        } else j++;
      }
      items.push(value + text.slice(from, j));
      i = j + 2;
    } else {
      let j = text.indexOf(',', i);
      if (j === -1 || j > end) j = end;
      const value = text.slice(i, j);
      items.push(value === 'NULL' ? null : value);
      i = j + 1;
    }
  }
  return items;
}

/** Every `text[]` the driver reads, in this process, through `parseTextArray`. */
export function useFastTextArrays() {
  pg.types.setTypeParser(TEXT_ARRAY_OID, parseTextArray);
}
