/** Colour swatches offered as gallery filters. */
export const swatches: Array<{ hex: string; name: string }> = [
  { hex: '#1c1917', name: 'Ink' },
  { hex: '#f5f0e6', name: 'Ivory' },
  { hex: '#1e3a5f', name: 'Navy' },
  { hex: '#c2410c', name: 'Terracotta' },
  { hex: '#f4a6a0', name: 'Coral' },
  { hex: '#e9c46a', name: 'Saffron' },
  { hex: '#4d6b57', name: 'Sage' },
  { hex: '#2a9d8f', name: 'Teal' },
  { hex: '#7c3aed', name: 'Violet' },
  { hex: '#be185d', name: 'Berry' },
];

/** Picks black or white text for a background colour. */
export function readableOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return r * 0.299 + g * 0.587 + b * 0.114 > 150 ? '#1c1917' : '#ffffff';
}
