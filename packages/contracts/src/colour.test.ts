import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  hexToHsl,
  hexToRgb,
  hslToHex,
  luminance,
  mix,
  normalizeHex,
  readableOn,
} from './colour.ts';

describe('shared colour arithmetic', () => {
  it('reads #rgb and #rrggbb and refuses anything else', () => {
    expect(normalizeHex('#F0a')).toBe('#ff00aa');
    expect(normalizeHex('1e3a5f')).toBe('#1e3a5f');
    expect(normalizeHex('#12345')).toBeUndefined();
    expect(normalizeHex('red')).toBeUndefined();
  });

  it('gives WCAG 2 figures: 21:1 for black on white, 4.48:1 for #777 on white', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(luminance('#ffffff')).toBeCloseTo(1, 5);
    expect(luminance('#000000')).toBe(0);
  });

  it('round-trips through HSL and mixes in sRGB', () => {
    for (const hex of ['#1e3a5f', '#c2410c', '#e9c46a', '#4d6b57', '#7c3aed', '#808080']) {
      expect(hslToHex(hexToHsl(hex))).toBe(hex);
    }
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(hexToRgb('#c2410c')).toEqual([194, 65, 12]);
  });

  it('picks text that reads on a swatch', () => {
    expect(readableOn('#1e3a5f')).toBe('#ffffff');
    expect(readableOn('#e9c46a')).toBe('#1c1917');
    expect(readableOn('#f5f0e6')).toBe('#1c1917');
  });
});
