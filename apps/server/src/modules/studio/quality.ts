import { contrastRatio, luminance } from '@btb/contracts/colour';
import { effectiveDpi as effectiveDpiAt, type Product, type QualityReport } from '@btb/contracts';

const MIN_DPI = 150;

/** WCAG contrast ratio between the lightest and darkest colours of a palette (1 to 21). */
export function paletteContrast(colors: string[]): number {
  const valid = colors.filter((c) => /^#[0-9a-f]{6}$/i.test(c));
  if (valid.length < 2) return 1;
  const byLuminance = [...valid].sort((a, b) => luminance(a) - luminance(b));
  const darkest = byLuminance[0];
  const lightest = byLuminance[byLuminance.length - 1];
  return Math.round(contrastRatio(darkest, lightest) * 100) / 100;
}

/**
 * The print-quality report. Vectors print sharp at any size. A raster's effective DPI at a print
 * area is its pixel width over one printed tile's width in inches (`effectiveDpi` in contracts,
 * which order lines also use for the size the buyer chose); below Printful's 150 DPI it is flagged.
 */
export function assessQuality(input: {
  artwork:
    | { kind: 'vector' }
    | { kind: 'raster'; width: number; height: number; seam?: QualityReport['seam'] };
  palette: string[];
  products: Product[];
}): QualityReport {
  const warnings: string[] = [];
  const vector = input.artwork.kind === 'vector';
  const printAreas = input.products.flatMap((product) =>
    product.printAreas.map((area) => {
      // A raster tile's pixels per inch where it is printed, at the standard repeat and full area.
      const effectiveDpi = effectiveDpiAt(
        { vector, sourceWidthPx: vector ? null : (input.artwork as { width: number }).width },
        area,
      );
      return {
        productId: product.id,
        placement: area.placement,
        widthPx: area.widthPx,
        heightPx: area.heightPx,
        requiredDpi: MIN_DPI,
        effectiveDpi,
        printReady: effectiveDpi >= MIN_DPI,
      };
    }),
  );
  for (const area of printAreas.filter((a) => !a.printReady)) {
    warnings.push(
      `${area.productId} ${area.placement}: ${area.effectiveDpi} DPI is below ${MIN_DPI} DPI; it will print soft`,
    );
  }
  const seam = input.artwork.kind === 'raster' ? input.artwork.seam : undefined;
  if (seam?.repaired && seam.seamless) {
    warnings.push(
      `The painted tile did not repeat seamlessly (seam ${seam.before}); its edges were blended so it does (${seam.after}); a faint blend may show near the tile edges`,
    );
  } else if (seam && !seam.seamless) {
    warnings.push(
      `The painted tile does not repeat seamlessly (seam ${seam.after} after repair): a line will show where tiles meet; not print-ready`,
    );
  }
  const contrastRatio = paletteContrast(input.palette);
  if (contrastRatio < 1.5) warnings.push('Low contrast: the motifs may be hard to see on fabric');
  const colorCount = new Set(input.palette.map((c) => c.toLowerCase())).size;
  if (colorCount > 8) warnings.push('Many colours: some print methods will band or dither');
  return {
    printReady: printAreas.every((a) => a.printReady) && (seam?.seamless ?? true),
    vector,
    sourceWidthPx: vector ? null : (input.artwork as { width: number }).width,
    sourceHeightPx: vector ? null : (input.artwork as { height: number }).height,
    contrastRatio,
    colorCount,
    printAreas,
    ...(seam ? { seam } : {}),
    warnings,
  };
}
