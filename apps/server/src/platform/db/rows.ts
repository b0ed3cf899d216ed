/**
 * The row a statement always yields (an insert's or an update's `returning` of a row known to be
 * there, an aggregate); its absence is a bug, reported as one rather than as a crash further on.
 */
export function onlyRow<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`expected ${what}, but the statement returned no row`);
  return row;
}
