import { artCreditSchema, fidelitySchema } from '@btb/contracts';
import { describe, expect, it } from 'vitest';
import { BuiltinGenerator } from './builtin-generator.ts';

const generate = (prompt: string) =>
  new BuiltinGenerator().generate(
    { designId: 'd1', title: 'test', prompt, category: 'shirt', style: 'casual', colors: [], seed: 5 },
    () => {},
  );

describe('built-in generator record', () => {
  it('says what it drew for each thing named and credits the drawings used', async () => {
    const { generationParams } = await generate('toucans and anchors on a white shirt');
    const fidelity = fidelitySchema.parse(generationParams.fidelity);
    expect(fidelity.motifs).toEqual([
      { named: 'toucans', drawn: 'parrot', match: 'closest' },
      { named: 'anchors', drawn: 'anchor', match: 'exact' },
    ]);
    expect(fidelity.message).toBe("We couldn't draw 'toucans' exactly — we used a parrot.");
    const credits = artCreditSchema.array().parse(generationParams.credits);
    expect(credits).toEqual([
      expect.objectContaining({ set: 'Fluent Emoji Flat', license: 'MIT', drawings: ['parrot', 'anchor'] }),
    ]);
  });

  it('names what it could not draw, and credits nobody for hand-made families', async () => {
    const { generationParams } = await generate('xqzv gingham shirt');
    expect(generationParams.fidelity).toEqual({
      motifs: [
        { named: 'gingham', drawn: 'gingham', match: 'exact' },
        { named: 'xqzv', drawn: null, match: 'none' },
      ],
      message: "We couldn't draw 'xqzv'.",
    });
    expect(generationParams.credits).toEqual([]);
  });
});
