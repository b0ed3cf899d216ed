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

/** Black or white text for a background colour (the shared WCAG contrast). */
export { readableOn } from '@btb/contracts/colour';
