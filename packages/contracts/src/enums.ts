/**
 * The value lists behind the contract's enums, without zod, so the web bundle and the pattern
 * engine can import them on their own (`@btb/contracts/enums`). The schemas are built from these.
 */
export const categories = ['dress', 'shirt', 'pants', 'accessories'] as const;
export type Category = (typeof categories)[number];

export const styles = ['casual', 'formal', 'sporty', 'vintage'] as const;
export type Style = (typeof styles)[number];
