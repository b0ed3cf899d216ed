import type { Row } from './run.ts';

/** Rows measured in-process rather than over HTTP (rendering, generation); later scenarios add theirs. */
export async function extraRows(): Promise<Row[]> {
  return [];
}
