/** The owner's colours first, then the provider's palette, lowercase and without repeats: at most five. */
export function mergeInterpretationColors(requestColors: string[], palette: string[]): string[] {
  const all = [...requestColors, ...palette]
    .map((c) => c.toLowerCase())
    .filter((c) => /^#[0-9a-f]{6}$/.test(c));
  return [...new Set(all)].slice(0, 5);
}

/** Lowercase, trimmed, unique tags, at most ten. */
export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].slice(0, 10);
}
