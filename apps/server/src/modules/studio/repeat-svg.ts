/**
 * An SVG that fills width × height with a vector tile repeated `tilesAcross` times horizontally.
 * The tile is nested as-is inside a <pattern>, so any seamless tile works, whoever drew it.
 */
export function repeatSvgFromTile(
  tileSvg: string,
  tileSize: number,
  tilesAcross: number,
  widthPx: number,
  heightPx: number,
): string {
  const scale = widthPx / tilesAcross / tileSize;
  const inner = tileSvg.replace(/^<\?xml[^>]*>\s*/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}"><defs><pattern id="btb-repeat" patternUnits="userSpaceOnUse" width="${tileSize}" height="${tileSize}" patternTransform="scale(${scale})">${inner}</pattern></defs><rect width="${widthPx}" height="${heightPx}" fill="url(#btb-repeat)"/></svg>`;
}
