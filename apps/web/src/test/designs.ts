import type { Design, DesignVersion, Fidelity } from '@btb/contracts';

export const designId = '00000000-0000-4000-8000-0000000000d1';

export const version = (number: number, fields: Partial<DesignVersion> = {}): DesignVersion => ({
  id: `00000000-0000-4000-8000-00000000010${number}`,
  designId,
  number,
  kind: number <= 4 ? 'candidate' : 'variation',
  seed: 1000 + number,
  status: 'ready',
  failureReason: null,
  imageUrl: `/files/designs/${designId}/${1000 + number}/repeat.png`,
  modelUrl: null,
  thumbnailUrl: `/files/designs/${designId}/${1000 + number}/thumb.webp`,
  previewUrl: null,
  colors: ['#1e3a5f'],
  aiModel: 'builtin-pattern-engine@1',
  quality: null,
  fidelity: null,
  credits: [],
  current: number === 1,
  createdAt: '2026-12-04T10:00:00.000Z',
  ...fields,
});

export const fidelity: Fidelity = {
  motifs: [
    { named: 'cats', drawn: 'cat', match: 'exact' },
    { named: 'toucans', drawn: 'parrot', match: 'closest' },
    { named: 'glorbs', drawn: null, match: 'none' },
  ],
  message: null,
};

export const design = (fields: Partial<Design> = {}): Design => ({
  id: designId,
  userId: '00000000-0000-4000-8000-000000000001',
  author: { id: '00000000-0000-4000-8000-000000000001', name: 'Ada', avatarUrl: null },
  title: 'Cats and toucans',
  description: null,
  prompt: 'cats and toucans on a cream tote',
  status: 'ready',
  progress: 100,
  failureReason: null,
  imageUrl: '/files/a/repeat.png',
  modelUrl: null,
  thumbnailUrl: '/files/a/thumb.webp',
  previewUrl: '/files/a/preview.png',
  tags: [],
  category: 'accessories',
  style: 'casual',
  colors: ['#f5f0e6'],
  aiModel: 'builtin-pattern-engine@1',
  generationParams: {},
  confidence: 0.8,
  quality: null,
  fidelity: null,
  credits: [],
  isPublic: false,
  hidden: false,
  likes: 0,
  views: 0,
  createdAt: '2026-12-04T10:00:00.000Z',
  updatedAt: '2026-12-04T10:00:00.000Z',
  ...fields,
});
