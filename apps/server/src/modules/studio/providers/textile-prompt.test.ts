import { describe, expect, it } from 'vitest';
import { mergeInterpretationColors, normalizeTags } from './interpretation.ts';
import { buildTextilePrompt } from './textile-prompt.ts';

const input = {
  description: 'navy linen summer dress with small coral lemons',
  motifs: ['coral lemons'],
  palette: ['#1f2a44', '#ff7f50'],
  category: 'dress' as const,
  style: 'casual' as const,
};

describe('buildTextilePrompt', () => {
  it('asks for a flat seamless fabric print, not a garment', () => {
    const prompt = buildTextilePrompt(input);
    expect(prompt).toMatch(/^Seamless repeating fabric pattern/);
    expect(prompt).toContain(input.description);
    expect(prompt).toContain('coral lemons');
    expect(prompt).toContain('#1f2a44, #ff7f50');
    expect(prompt).toMatch(/no garment.*no person or model.*no text/i);
  });

  it('shortens the description, never the print rules, to fit the limit', () => {
    const prompt = buildTextilePrompt({ ...input, description: 'lemons '.repeat(300) }, 1000);
    expect(prompt.length).toBeLessThanOrEqual(1000);
    expect(prompt).toContain('…');
    expect(prompt).toMatch(/no watermark, no border, no frame\.$/);
  });
});

describe('interpretation helpers', () => {
  it("puts the owner's colours first, lowercase, unique, at most five", () => {
    expect(
      mergeInterpretationColors(
        ['#AABBCC'],
        ['#aabbcc', '#111111', 'red', '#222222', '#333333', '#444444', '#555555'],
      ),
    ).toEqual(['#aabbcc', '#111111', '#222222', '#333333', '#444444']);
  });

  it('normalizes tags', () => {
    expect(normalizeTags([' Lemons', 'lemons', '', 'Summer'])).toEqual(['lemons', 'summer']);
  });
});
