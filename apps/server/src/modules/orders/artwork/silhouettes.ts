/**
 * Flat product silhouettes for mockups, drawn on a 1000×1000 canvas. `outline` is the garment,
 * `details` are seams and trims drawn over the print, `printArea` is where a front print goes
 * (absent for all-over prints, which fill the whole outline).
 */
export interface Silhouette {
  outline: string;
  /** Shapes drawn behind the garment (a hood's inside, bag handles). */
  behind?: string;
  details: string[];
  printArea?: { x: number; y: number; width: number; height: number };
}

const tshirt: Silhouette = {
  outline:
    'M400,140 Q500,215 600,140 L765,192 Q830,250 905,352 L792,432 L732,372 L732,900 Q500,928 268,900 L268,372 L208,432 L95,352 Q170,250 235,192 Z',
  details: [
    'M400,140 Q500,232 600,140',
    'M268,372 L305,215',
    'M732,372 L695,215',
    'M208,432 L240,404',
    'M792,432 L760,404',
  ],
  printArea: { x: 360, y: 262, width: 280, height: 373 },
};

const hoodie: Silhouette = {
  behind: 'M372,215 Q352,52 500,46 Q648,52 628,215 Z',
  outline:
    'M392,170 Q500,262 608,170 L772,222 Q852,302 880,560 L892,806 L800,816 L762,488 L742,488 L742,884 Q500,912 258,884 L258,488 L238,488 L200,816 L108,806 L120,560 Q148,302 228,222 Z',
  details: [
    'M392,170 Q500,262 608,170',
    'M470,238 L462,360',
    'M530,238 L538,360',
    'M352,700 L648,700 L690,838 L310,838 Z',
    'M258,852 L742,852',
    'M108,776 L200,786',
    'M892,776 L800,786',
  ],
  printArea: { x: 370, y: 292, width: 260, height: 347 },
};

const dress: Silhouette = {
  outline:
    'M418,92 L446,92 Q500,168 554,92 L582,92 Q598,168 652,200 Q640,318 622,430 Q770,690 840,902 Q500,962 160,902 Q230,690 378,430 Q360,318 348,200 Q402,168 418,92 Z',
  details: ['M446,92 Q500,178 554,92', 'M378,430 Q500,452 622,430', 'M160,902 Q500,962 840,902'],
};

const leggings: Silhouette = {
  outline:
    'M322,72 L678,72 L700,300 L694,928 L566,934 L524,338 Q500,306 476,338 L434,934 L306,928 L300,300 Z',
  details: ['M322,122 L678,122', 'M500,122 L500,318', 'M306,900 L434,906', 'M566,906 L694,900'],
};

const tote: Silhouette = {
  behind: 'M345,330 Q345,118 500,118 Q655,118 655,330',
  outline: 'M212,318 L788,318 L770,912 L230,912 Z',
  details: ['M212,348 L788,348'],
};

export function silhouetteFor(productId: string, category: string): Silhouette {
  if (productId.startsWith('hoodie')) return hoodie;
  if (productId.startsWith('tshirt') || productId.startsWith('tee')) return tshirt;
  if (productId.startsWith('dress')) return dress;
  if (productId.startsWith('leggings') || productId.startsWith('pants')) return leggings;
  if (productId.startsWith('tote') || productId.startsWith('bag')) return tote;
  return category === 'dress'
    ? dress
    : category === 'pants'
      ? leggings
      : category === 'shirt'
        ? tshirt
        : tote;
}
