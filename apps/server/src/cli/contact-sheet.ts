/**
 * A contact sheet: each prompt's design as a small swatch of its repeat, labelled with the prompt and
 * what was drawn for it, on one PNG. For judging the engine by eye.
 */
import { Resvg } from '@resvg/resvg-js';
import { type DesignSpec, generateDesign } from '@btb/pattern-engine';

const CELL = 360;
const LABEL = 78;
const GAP = 16;
const TILES_ACROSS = 2;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Splits a label into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + word).length >= width) {
      lines.push(line.trim());
      line = '';
    }
    line += `${word} `;
  }
  lines.push(line.trim());
  return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`] : lines;
}

function drawnSummary(spec: DesignSpec): string {
  const drawn = spec.fidelity.motifs
    .map((m) => (m.match === 'exact' ? `${m.drawn}` : m.drawn ? `${m.named} → ${m.drawn}` : `no ${m.named}`))
    .join(', ');
  return drawn || `nothing named: ${spec.motifs.map((m) => m.label ?? m.variant ?? m.kind).join(', ')}`;
}

function cell(prompt: string, index: number, x: number, y: number, seed: number): string {
  const { spec, tileSvg } = generateDesign({ prompt, category: 'dress', style: 'casual', colors: [], seed });
  const tilePx = CELL / TILES_ACROSS;
  const inner = tileSvg.replace(
    /^<svg [^>]*>/,
    `<svg width="${tilePx}" height="${tilePx}" viewBox="0 0 ${spec.tileSize} ${spec.tileSize}">`,
  );
  const [first, ...more] = wrap(prompt, 44, 2);
  const text = (line: string, dy: number, size: number, fill: string) =>
    `<text x="${x}" y="${y + CELL + dy}" font-family="DejaVu Sans" font-size="${size}" fill="${fill}">${escapeXml(line)}</text>`;
  return (
    `<defs><pattern id="swatch-${index}" patternUnits="userSpaceOnUse" x="${x}" y="${y}" width="${tilePx}" height="${tilePx}">${inner}</pattern></defs>` +
    `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="url(#swatch-${index})" stroke="#d0ccc4"/>` +
    [first, ...more].map((line, i) => text(line, 20 + i * 17, 14, '#222222')).join('') +
    text(wrap(drawnSummary(spec), 52, 1)[0], 20 + (more.length + 1) * 17, 12, '#6b6660')
  );
}

export function renderContactSheet(prompts: readonly string[], seed = 1, columns = 4): Buffer {
  const rows = Math.ceil(prompts.length / columns);
  const width = columns * (CELL + GAP) + GAP;
  const height = rows * (CELL + LABEL + GAP) + GAP;
  const cells = prompts
    .map((p, i) =>
      cell(
        p,
        i,
        GAP + (i % columns) * (CELL + GAP),
        GAP + Math.floor(i / columns) * (CELL + LABEL + GAP),
        seed,
      ),
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#faf8f4"/>${cells}</svg>`;
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng());
}
