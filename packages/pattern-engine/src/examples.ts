/** Prompts that show what the engine understands: used by the seed command, the benchmark and the studio. */
export const EXAMPLE_PROMPTS = [
  'navy linen summer dress with small coral lemons',
  'dusty pink roses on cream vintage tea dress',
  'sage green gingham picnic shirt with tiny cherries',
  'oversized monstera leaves on emerald green',
  'burgundy and mustard paisley scarf',
  'black and white leopard print leggings',
  'tiny white polka dots on black',
  'terracotta and ochre geometric triangles',
  'sky blue breton stripes with red hearts',
  'olive camouflage with scattered stars',
  'lavender waves on ivory',
  'charcoal chevron with mint accents',
  'grey raincoat with red umbrellas',
  'hot pink flamingos on a sky blue shirt',
  'minimalist line drawing of cats on a beige tote',
  'coffee cups and croissants on a cream apron',
] as const;
