import { z } from 'zod';
import { pageQuerySchema } from './common.ts';
import { publicUserSchema } from './identity.ts';

import { categories, styles } from './enums.ts';

export { type Category, categories, type Style, styles } from './enums.ts';
export const categorySchema = z.enum(categories);
export const styleSchema = z.enum(styles);

export const hexColorSchema = z
  .string()
  .regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour like #1A2B3C')
  .transform((c) => c.toLowerCase());

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'may contain letters, digits, spaces and hyphens');

/** The brief's createDesignSchema, plus optional tags. */
export const createDesignBodySchema = z.object({
  title: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  description: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  prompt: z
    .string()
    .trim()
    .min(10, 'must be at least 10 characters')
    .max(1000, 'must be at most 1000 characters'),
  category: categorySchema,
  style: styleSchema,
  colors: z.array(hexColorSchema).max(5, 'at most 5 colours').default([]),
  isPublic: z.boolean().default(false),
  tags: z.array(tagSchema).max(10, 'at most 10 tags').optional(),
});
export type CreateDesignBody = z.input<typeof createDesignBodySchema>;

export const updateDesignBodySchema = z
  .object({
    title: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).nullable(),
    isPublic: z.boolean(),
    tags: z.array(tagSchema).max(10),
  })
  .partial()
  .strict();
export type UpdateDesignBody = z.infer<typeof updateDesignBodySchema>;

export const designStatuses = ['queued', 'generating', 'ready', 'failed'] as const;
export const designStatusSchema = z.enum(designStatuses);
export type DesignStatus = z.infer<typeof designStatusSchema>;

export const printAreaQualitySchema = z.object({
  productId: z.string(),
  placement: z.string(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  requiredDpi: z.number().int(),
  effectiveDpi: z.number().int(),
  printReady: z.boolean(),
});

export const qualityReportSchema = z.object({
  printReady: z.boolean(),
  vector: z.boolean(),
  sourceWidthPx: z.number().int().nullable(),
  sourceHeightPx: z.number().int().nullable(),
  contrastRatio: z.number(),
  colorCount: z.number().int(),
  printAreas: z.array(printAreaQualitySchema),
  /**
   * For raster art: how visible the tile's wrap-around seams are (colour step across the edges over
   * the step between neighbouring pixels inside; ~1 is seamless), before and after our repair.
   * Absent for vectors, which the engine draws as exact repeats.
   */
  seam: z
    .object({
      before: z.number(),
      after: z.number(),
      repaired: z.boolean(),
      seamless: z.boolean(),
    })
    .optional(),
  warnings: z.array(z.string()),
});
export type QualityReport = z.infer<typeof qualityReportSchema>;

/** What was drawn for one thing the prompt names: the promise the studio keeps, or says it breaks. */
export const motifMatches = ['exact', 'closest', 'none'] as const;
export const motifMatchSchema = z.object({
  /** The thing as the person named it, e.g. "toucans". */
  named: z.string(),
  /** The drawing used for it, e.g. "parrot"; null when nothing could be drawn. */
  drawn: z.string().nullable(),
  match: z.enum(motifMatches),
});
export type MotifMatch = z.infer<typeof motifMatchSchema>;

export const fidelitySchema = z.object({
  motifs: z.array(motifMatchSchema),
  /** Plain words for the person when something was substituted or left out; null when all was drawn. */
  message: z.string().nullable(),
});
export type Fidelity = z.infer<typeof fidelitySchema>;

/** Credit for drawings taken from an open vector set. */
export const artCreditSchema = z.object({
  set: z.string(),
  author: z.string(),
  license: z.string(),
  url: z.string().nullable(),
  /** Names of the drawings used from that set. */
  drawings: z.array(z.string()),
});
export type ArtCredit = z.infer<typeof artCreditSchema>;

export const designSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    author: publicUserSchema,
    title: z.string(),
    description: z.string().nullable(),
    prompt: z.string(),
    status: designStatusSchema,
    progress: z.number().int().min(0).max(100),
    failureReason: z.string().nullable(),
    imageUrl: z.string().nullable(),
    modelUrl: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    previewUrl: z.string().nullable(),
    tags: z.array(z.string()),
    category: categorySchema,
    style: styleSchema,
    colors: z.array(z.string()),
    aiModel: z.string().nullable(),
    generationParams: z.record(z.string(), z.unknown()),
    confidence: z.number().nullable(),
    quality: qualityReportSchema.nullable(),
    /** Null for designs generated before fidelity was recorded, or still generating. */
    fidelity: fidelitySchema.nullable(),
    credits: z.array(artCreditSchema),
    isPublic: z.boolean(),
    hidden: z.boolean(),
    likes: z.number().int(),
    views: z.number().int(),
    likedByMe: z.boolean().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Design' });
export type Design = z.infer<typeof designSchema>;

/** A candidate is one of the drawings made for a new prompt; a variation is one asked for later. */
export const designVersionKinds = ['candidate', 'variation'] as const;

/** One generated version of a design: every candidate and variation is kept, and any ready one can be chosen. */
export const designVersionSchema = z
  .object({
    id: z.uuid(),
    designId: z.uuid(),
    /** 1, 2, 3… in the order they were asked for. */
    number: z.number().int().min(1),
    kind: z.enum(designVersionKinds),
    seed: z.number().int(),
    status: designStatusSchema,
    failureReason: z.string().nullable(),
    imageUrl: z.string().nullable(),
    modelUrl: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    previewUrl: z.string().nullable(),
    colors: z.array(z.string()),
    aiModel: z.string().nullable(),
    quality: qualityReportSchema.nullable(),
    fidelity: fidelitySchema.nullable(),
    credits: z.array(artCreditSchema),
    /** The version the design shows, prints and sells now. */
    current: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'DesignVersion' });
export type DesignVersion = z.infer<typeof designVersionSchema>;

export const designVersionListSchema = z.object({
  items: z.array(designVersionSchema),
  /** How many candidates this studio draws for a new prompt (4 with the built-in engine, 1 with an AI provider). */
  candidatesPerPrompt: z.number().int().min(1),
});
export type DesignVersionList = z.infer<typeof designVersionListSchema>;

export const designVersionParams = z.object({ id: z.uuid(), versionId: z.uuid() });

export const designSorts = ['new', 'top', 'trending', 'relevance'] as const;
export const listDesignsQuerySchema = pageQuerySchema({ defaultLimit: 24, maxLimit: 60 }).extend({
  scope: z.enum(['public', 'mine']).default('public'),
  category: categorySchema.optional(),
  style: styleSchema.optional(),
  tag: tagSchema.optional(),
  color: hexColorSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** Defaults to `relevance` with `q`, else `new`. */
  sort: z.enum(designSorts).optional(),
});
export type ListDesignsQuery = z.input<typeof listDesignsQuerySchema>;

export const likeResponseSchema = z.object({ liked: z.boolean(), likes: z.number().int() });
export type LikeResponse = z.infer<typeof likeResponseSchema>;

export const adminUpdateDesignBodySchema = z.object({ hidden: z.boolean() }).strict();
export type AdminUpdateDesignBody = z.infer<typeof adminUpdateDesignBodySchema>;

const countSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const trendsSchema = z.object({
  windowDays: z.number().int(),
  tags: countSchema,
  colors: countSchema,
  categories: countSchema,
  styles: countSchema,
});
export type Trends = z.infer<typeof trendsSchema>;

/** One server-sent event on GET /api/designs/:id/events. */
export const generationProgressSchema = z.object({
  designId: z.uuid(),
  status: designStatusSchema,
  progress: z.number().int().min(0).max(100),
  message: z.string(),
});
export type GenerationProgress = z.infer<typeof generationProgressSchema>;
