import type { Category, Style } from '@btb/contracts';

// Local copies of the contract's enums so the main bundle does not pull in zod;
// the type checks below fail the build if the contract gains or loses a value.
export const categories = ['dress', 'shirt', 'pants', 'accessories'] as const satisfies readonly Category[];
export const styles = ['casual', 'formal', 'sporty', 'vintage'] as const satisfies readonly Style[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export const categoriesComplete: Exhaustive<Category, (typeof categories)[number]> = true;
export const stylesComplete: Exhaustive<Style, (typeof styles)[number]> = true;
