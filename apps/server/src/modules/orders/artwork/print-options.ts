import {
  effectiveDpi,
  type PrintOptions,
  type PrintPlacement,
  type Product,
  placementProblems,
  productGeometry,
  type QualityReport,
  type RepeatOptions,
} from '@btb/contracts';
import { validationFailed } from '../../../platform/errors.ts';

/** What an order line stores of the buyer's choice, with the artwork's effective DPI at that size. */
export interface StoredPrintOptions extends PrintOptions {
  effectiveDpi?: number;
}

/**
 * The buyer's choice for one line, checked against the product: a placement only on a placed print
 * and inside its area, a repeat only on an all-over product. `path` prefixes the error details.
 */
export function checkPrintOptions(
  product: Product,
  chosen: { placement?: PrintPlacement; repeat?: RepeatOptions },
  path: string,
): PrintOptions {
  const geometry = productGeometry(product.id, product.category);
  const area = product.printAreas[0] ?? geometry.printArea;
  if (geometry.printKind === 'placed') {
    if (chosen.repeat) {
      throw validationFailed([
        {
          path: `${path}.repeat`,
          message: `the ${product.name} has a placed print: set its placement instead`,
        },
      ]);
    }
    if (!chosen.placement) return {};
    const problems = placementProblems(area, chosen.placement);
    if (problems.length) {
      throw validationFailed(
        problems.map((p) => ({
          path: `${path}.placement.${p.path}`,
          message: `${p.message} (the ${area.placement} print area is ${area.widthPx}×${area.heightPx} px)`,
        })),
      );
    }
    return { placement: chosen.placement };
  }
  if (chosen.placement) {
    throw validationFailed([
      {
        path: `${path}.placement`,
        message: `the ${product.name} is printed all over: set its repeat instead`,
      },
    ]);
  }
  return chosen.repeat ? { repeat: chosen.repeat } : {};
}

export function storedPrintOptions(
  product: Product,
  options: PrintOptions,
  quality: QualityReport | null,
): StoredPrintOptions | null {
  const area = product.printAreas[0];
  const dpi = area && quality ? effectiveDpi(quality, area, options) : undefined;
  if (!options.placement && !options.repeat && dpi === undefined) return null;
  return { ...options, ...(dpi === undefined ? {} : { effectiveDpi: dpi }) };
}
