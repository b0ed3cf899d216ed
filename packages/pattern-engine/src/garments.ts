import type { Category } from './types.ts';

/** Flat-lay silhouettes on an 800 x 1000 canvas. */
export interface Garment {
  outline: string;
  /** Drawn under the print (inside back neck, back handle). */
  behind?: string;
  /** Seam and detail lines, stroked lightly over the print. */
  seams: string[];
  /** Soft folds: dark/light stroke pairs that suggest drape. */
  folds: string[];
  /** Drawn on top (e.g. tote handle). */
  front?: string;
  /** Displayed size of one tile in preview pixels; about a hand-width on the garment. */
  tilePx: number;
  /** Vertical extent for the shading gradient and shadow. */
  bottom: number;
}

export const GARMENTS: Record<Category, Garment> = {
  dress: {
    outline:
      'M318,118L346,118Q360,198 400,214Q440,198 454,118L482,118Q488,226 510,292Q502,366 484,424' +
      'L654,872Q400,934 146,872L316,424Q298,366 290,292Q312,226 318,118Z',
    seams: [
      'M316,424Q400,446 484,424',
      'M352,300Q356,350 362,420',
      'M448,300Q444,350 438,420',
      'M160,866Q400,922 640,866',
    ],
    folds: ['M372,452Q336,660 282,884', 'M430,452Q462,664 520,888', 'M402,456Q404,680 398,904'],
    tilePx: 210,
    bottom: 910,
  },
  shirt: {
    outline:
      'M330,118Q400,170 470,118L592,160L702,330L612,386L578,332L584,800Q400,816 216,800L222,332L188,386' +
      'L98,330L208,160Z',
    behind: 'M330,118Q400,96 470,118Q400,170 330,118Z',
    seams: [
      'M330,118Q400,170 470,118',
      'M214,166Q232,250 222,332',
      'M586,166Q568,250 578,332',
      'M222,780Q400,796 578,780',
      'M132,352L196,390',
      'M668,352L604,390',
    ],
    folds: ['M300,420Q320,600 296,780', 'M500,420Q484,600 506,780'],
    tilePx: 220,
    bottom: 810,
  },
  pants: {
    outline: 'M262,110L538,110L562,300L608,900L432,904L404,392L396,392L368,904L192,900L238,300Z',
    seams: [
      'M259,152L541,152',
      'M400,152L400,330Q398,362 382,374',
      'M272,160Q304,226 246,262',
      'M528,160Q496,226 554,262',
      'M196,870L366,874',
      'M434,874L604,870',
    ],
    folds: ['M300,420Q292,660 286,880', 'M500,420Q508,660 514,880', 'M372,380Q350,420 330,450'],
    tilePx: 180,
    bottom: 905,
  },
  accessories: {
    outline: 'M196,330L604,330L630,878Q400,896 170,878Z',
    behind: 'M318,332C312,160 488,160 482,332',
    seams: ['M200,374L600,374', 'M186,846Q400,864 614,846'],
    folds: ['M300,400Q290,640 280,860', 'M520,400Q528,640 536,860'],
    front: 'M282,332C272,120 528,120 518,332',
    tilePx: 200,
    bottom: 890,
  },
};
