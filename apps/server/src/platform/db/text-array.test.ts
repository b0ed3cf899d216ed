import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realServices } from '../../testing/services.ts';
import { parseTextArray, TEXT_ARRAY_OID } from './text-array.ts';

const awkward = [
  'plain',
  'dusty pink',
  '',
  'NULL',
  'null',
  'comma, inside',
  'a "quoted" word',
  'back\\slash',
  'ends with \\',
  '{braces}',
  ' padded ',
  'tab\there',
  'line\nbreak',
  'ünïcödé ✿',
];

describe('text[] as PostgreSQL writes it', () => {
  const client = new pg.Client({ connectionString: realServices.postgres });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  /** PostgreSQL's own text of an array (the wire format the driver reads). */
  const written = async (items: (string | null)[]) =>
    (await client.query<{ t: string }>('select $1::text[]::text as t', [items])).rows[0]!.t;

  it('reads back every element the database stores, awkward characters and NULLs included', async () => {
    const items = [...awkward, null, 'after null'];
    expect(parseTextArray(await written(items))).toEqual(items);
    for (const one of awkward) expect(parseTextArray(await written([one]))).toEqual([one]);
    expect(parseTextArray(await written([]))).toEqual([]);
  });

  it('agrees with the driver’s general parser, and hands it what it was not written for', async () => {
    const general = pg.types.getTypeParser(TEXT_ARRAY_OID, 'text');
    expect(general).not.toBe(parseTextArray);
    const texts = [
      await written(awkward),
      await written(['tags', 'of', 'a', 'design']),
      (await client.query<{ t: string }>(`select array[['a','b'],['c','d']]::text[]::text as t`)).rows[0]!.t,
      (await client.query<{ t: string }>(`select '[0:1]={x,y}'::text[]::text as t`)).rows[0]!.t,
    ];
    for (const text of texts) expect(parseTextArray(text)).toEqual(general(text));
    expect(parseTextArray(texts[2]!)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
