import { describe, expect, it } from 'vitest';
import { countOf } from './format.ts';

describe('countOf', () => {
  it('puts the noun in the number of the count', () => {
    expect(countOf(0, 'design')).toBe('0 designs');
    expect(countOf(1, 'design')).toBe('1 design');
    expect(countOf(2, 'design')).toBe('2 designs');
    expect(countOf(1, 'person', 'people')).toBe('1 person');
    expect(countOf(5, 'person', 'people')).toBe('5 people');
  });
});
