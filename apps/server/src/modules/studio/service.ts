import type { Category, Product } from '@btb/contracts';
import { renderGarmentPreviewWithImage } from '@btb/pattern-engine';
import type { Logger } from 'pino';
import type { Executor } from '../../platform/db/database.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import { publicFileUrl, type FileStorage } from '../../platform/storage/file-storage.ts';
import type { Metrics } from '../../platform/telemetry/metrics.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DesignsService } from '../designs/index.ts';
import { type DesignGenerator, type GeneratedDesign, GeneratorError } from './providers/design-generator.ts';
import { assessQuality } from './quality.ts';
import { dominantColor, pngDataUri, repeatToPng, svgToPng, thumbnailOf, tileRaster } from './rendering.ts';

export const GENERATION_QUEUE = 'generate-design';

export interface GenerationJob {
  designId: string;
  /** The versions to draw, one seed each; the design's current seed is drawn last. */
  seeds: number[];
  /** Jobs queued before designs had versions carried one seed. */
  seed?: number;
}

/**
 * Candidates drawn for a new prompt. The built-in engine draws four in well under a second; the AI
 * providers take about a minute and are paid per image, so they paint one per try and the owner
 * asks for variations.
 */
export const CANDIDATES_PER_PROMPT: Record<DesignGenerator['name'], number> = {
  builtin: 4,
  openai: 1,
  runway: 1,
};

const seedsOf = (job: GenerationJob) => job.seeds ?? (job.seed !== undefined ? [job.seed] : []);

export const designFileKey = (designId: string, seed: number, name: string) =>
  `designs/${designId}/${seed}/${name}`;

/** Turns queued designs into artwork, files and a quality report; one durable job per (design, seed). */
export class StudioService {
  constructor(
    private readonly deps: {
      jobs: JobQueue;
      storage: FileStorage;
      designs: DesignsService;
      catalog: CatalogService;
      generator: DesignGenerator;
      metrics: Metrics;
      logger: Logger;
      maxAttempts: number;
      leaseMs: number;
    },
  ) {}

  get candidatesPerPrompt() {
    return CANDIDATES_PER_PROMPT[this.deps.generator.name];
  }

  /** Enqueued in the transaction that created the design's new versions: one job draws them all. */
  schedule = async (tx: Executor, design: { id: string; seeds: number[] }) => {
    await this.deps.jobs.enqueue<GenerationJob>(
      GENERATION_QUEUE,
      { designId: design.id, seeds: design.seeds },
      {
        singletonKey: `${design.id}:${design.seeds.join(',')}`,
        maxAttempts: this.deps.maxAttempts,
        backoffMs: 2000,
      },
      tx,
    );
  };

  /** How long generations take from request to finished design (admin dashboard). */
  generationTiming(): Promise<{ p50Ms: number; p99Ms: number }> {
    return this.deps.jobs.durations(GENERATION_QUEUE);
  }

  startWorker(concurrency: number, pollMs: number) {
    this.deps.jobs.register<GenerationJob>(GENERATION_QUEUE, (job) => this.run(job), {
      concurrency,
      pollMs,
      leaseMs: this.deps.leaseMs,
      onFailed: async (job) => {
        const payload = job.payload as GenerationJob;
        for (const seed of seedsOf(payload)) {
          await this.deps.designs.failGeneration(payload.designId, seed, readableReason(job.error));
        }
      },
    });
  }

  async run(job: JobContext<GenerationJob>): Promise<void> {
    const { designId } = job.payload;
    const design = await this.deps.designs.generationInput(designId);
    if (!design) return;
    // Versions already drawn (by an earlier attempt) are kept.
    const seeds = seedsOf(job.payload).filter((s) => design.pendingSeeds.includes(s));
    if (seeds.length === 0) return;

    let lastWritten = -1;
    const writeProgress = (percent: number) => {
      if (percent - lastWritten < 10 && percent < 100) return;
      lastWritten = percent;
      void this.deps.designs.setGenerationProgress(designId, 'generating', percent).catch(() => {});
    };
    await this.deps.designs.setGenerationProgress(designId, 'generating', 5);
    const products = await this.deps.catalog.listProducts();
    // The other candidates are drawn side by side (their renders run on libuv's threads); the
    // current one last, so the design turns ready with every candidate there to choose from.
    const current = seeds.includes(design.seed) ? design.seed : undefined;
    const others = seeds.filter((s) => s !== current);
    // Each version has an equal share of the bar.
    const share = (done: number) => writeProgress(Math.round(5 + (done / seeds.length) * 95));
    let drawn = 0;
    await Promise.all(
      others.map(async (seed) => {
        await this.drawVersion(job, design, seed, products, () => {});
        share(++drawn);
      }),
    );
    if (current !== undefined) {
      await this.drawVersion(job, design, current, products, (percent) => share(drawn + percent / 100));
    }
  }

  private async drawVersion(
    job: JobContext<GenerationJob>,
    design: NonNullable<Awaited<ReturnType<DesignsService['generationInput']>>>,
    seed: number,
    products: Product[],
    progress: (percent: number) => void,
  ): Promise<void> {
    const designId = design.id;
    const started = performance.now();
    const provider = this.deps.generator.name;
    try {
      const generated = await this.deps.generator.generate(
        {
          designId,
          prompt: design.prompt,
          title: design.title,
          category: design.category,
          style: design.style,
          // Every version starts from what the owner asked for, not from an earlier version's palette.
          colors: design.requestedColors ?? design.colors,
          seed,
        },
        (percent) => progress(Math.min(80, percent)),
        job.signal,
      );
      progress(80);
      const outcome = await this.store(designId, seed, generated, products, {
        ...design,
        colors: design.requestedColors ?? design.colors,
      });
      const finished = await this.deps.designs.completeGeneration(designId, seed, outcome);
      this.deps.metrics.designGenerationDuration.observe(
        { provider, outcome: 'ready' },
        (performance.now() - started) / 1000,
      );
      if (!finished && seed === design.seed)
        this.deps.logger.info({ designId, seed }, 'generation result kept in the history only');
    } catch (error) {
      this.deps.metrics.designGenerationDuration.observe(
        { provider, outcome: 'error' },
        (performance.now() - started) / 1000,
      );
      if (error instanceof GeneratorError && !error.options.retryable) {
        await this.deps.designs.failGeneration(designId, seed, error.message);
        return;
      }
      if (job.attempt < job.maxAttempts) await this.deps.designs.setGenerationProgress(designId, 'queued', 0);
      throw error;
    }
  }

  /** Renders and stores every file of a result, then returns what the design record links to. */
  private async store(
    designId: string,
    seed: number,
    generated: GeneratedDesign,
    products: Product[],
    design: { colors: string[]; tags: string[]; category: Category },
  ) {
    const { storage } = this.deps;
    const key = (name: string) => designFileKey(designId, seed, name);
    const { artwork, interpretation } = generated;
    let repeatPng: Buffer;
    let previewPng: Buffer;
    let modelUrl: string | null = null;
    if (artwork.kind === 'vector') {
      await storage.put(key('tile.svg'), Buffer.from(artwork.tileSvg), 'image/svg+xml');
      modelUrl = publicFileUrl(key('tile.svg'));
      [repeatPng, previewPng] = await Promise.all([
        repeatToPng(artwork.tileSvg, 3, 1536, 1536),
        svgToPng(artwork.previewSvg, 800),
      ]);
    } else {
      await storage.put(key('tile.png'), artwork.png, 'image/png');
      modelUrl = publicFileUrl(key('tile.png'));
      repeatPng = await tileRaster(artwork.png, 1536, 1536, 3);
      // The same garment mock-up as vector designs get, with the raster tile as the print.
      const preview = renderGarmentPreviewWithImage(
        design.category,
        await pngDataUri(artwork.png, 512),
        await dominantColor(artwork.png),
      );
      previewPng = await svgToPng(preview, 800);
    }
    const thumb = await thumbnailOf(repeatPng);
    await Promise.all([
      storage.put(key('repeat.png'), repeatPng, 'image/png'),
      storage.put(key('preview.png'), previewPng, 'image/png'),
      storage.put(key('thumb.webp'), thumb, 'image/webp'),
    ]);
    const colors = design.colors.length ? design.colors : interpretation.colors.slice(0, 5);
    const palette =
      (generated.generationParams.palette as { colors?: string[]; background?: string } | undefined) ?? {};
    return {
      imageUrl: publicFileUrl(key('repeat.png')),
      modelUrl,
      thumbnailUrl: publicFileUrl(key('thumb.webp')),
      previewUrl: publicFileUrl(key('preview.png')),
      // The owner's own tags first, then what the generator understood.
      tags: [...new Set([...design.tags, ...interpretation.tags])].slice(0, 10),
      colors,
      aiModel: generated.aiModel,
      generationParams: generated.generationParams,
      confidence: interpretation.confidence,
      quality: assessQuality({
        artwork:
          artwork.kind === 'vector'
            ? { kind: 'vector' }
            : { kind: 'raster', width: artwork.width, height: artwork.height, seam: artwork.seam },
        palette: [
          ...(palette.background ? [palette.background] : []),
          ...(palette.colors ?? interpretation.colors),
        ],
        products,
      }),
    };
  }
}

function readableReason(error: string): string {
  return `Generation failed after several attempts: ${error}`;
}
