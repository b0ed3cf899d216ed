import type { Category, Product, Style } from '@btb/contracts';
import { renderGarmentPreviewWithImage } from '@btb/pattern-engine';
import type { Logger } from 'pino';
import type { Executor } from '../../platform/db/database.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import { publicFileUrl, type FileStorage } from '../../platform/storage/file-storage.ts';
import type { Metrics } from '../../platform/telemetry/metrics.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DesignsService } from '../designs/index.ts';
import { type DesignGenerator, type GeneratedDesign, ProviderError } from './providers/design-generator.ts';
import { assessQuality } from './quality.ts';
import { dominantColor, pngDataUri, svgToPng, thumbnailOf, tileRaster } from './rendering.ts';
import { repeatSvgFromTile } from './repeat-svg.ts';

export const GENERATION_QUEUE = 'generate-design';

export interface GenerationJob {
  designId: string;
  seed: number;
}

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

  /** Enqueued in the transaction that created or reset the design. */
  schedule = async (tx: Executor, design: { id: string; seed: number }) => {
    await this.deps.jobs.enqueue<GenerationJob>(
      GENERATION_QUEUE,
      { designId: design.id, seed: design.seed },
      { singletonKey: `${design.id}:${design.seed}`, maxAttempts: this.deps.maxAttempts, backoffMs: 2000 },
      tx,
    );
  };

  startWorker(concurrency: number, pollMs: number) {
    this.deps.jobs.register<GenerationJob>(GENERATION_QUEUE, (job) => this.run(job), {
      concurrency,
      pollMs,
      leaseMs: this.deps.leaseMs,
      onFailed: async (job) => {
        const { designId, seed } = job.payload as GenerationJob;
        await this.deps.designs.failGeneration(designId, seed, readableReason(job.error));
      },
    });
  }

  async run(job: JobContext<GenerationJob>): Promise<void> {
    const { designId, seed } = job.payload;
    const design = await this.deps.designs.generationInput(designId);
    // Deleted, regenerated with another seed, or already finished: nothing to do.
    if (!design || design.seed !== seed || design.status === 'ready') return;

    const started = performance.now();
    const provider = this.deps.generator.name;
    let lastWritten = -1;
    const progress = (percent: number) => {
      if (percent - lastWritten < 10 && percent < 100) return;
      lastWritten = percent;
      void this.deps.designs.setGenerationProgress(designId, 'generating', percent).catch(() => {});
    };
    await this.deps.designs.setGenerationProgress(designId, 'generating', 5);
    try {
      const generated = await this.deps.generator.generate(
        {
          designId,
          prompt: design.prompt,
          title: design.title,
          category: design.category as Category,
          style: design.style as Style,
          colors: design.colors,
          seed,
        },
        (percent) => progress(Math.min(80, percent)),
        job.signal,
      );
      progress(80);
      const outcome = await this.store(
        designId,
        seed,
        generated,
        await this.deps.catalog.listProducts(),
        design,
      );
      const finished = await this.deps.designs.completeGeneration(designId, seed, outcome);
      this.deps.metrics.designGenerationDuration.observe(
        { provider, outcome: 'ready' },
        (performance.now() - started) / 1000,
      );
      if (!finished)
        this.deps.logger.info({ designId, seed }, 'generation result superseded by a newer variation');
    } catch (error) {
      this.deps.metrics.designGenerationDuration.observe(
        { provider, outcome: 'error' },
        (performance.now() - started) / 1000,
      );
      if (error instanceof ProviderError && !error.options.retryable) {
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
    design: { colors: string[]; tags: string[]; category: string },
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
        svgToPng(repeatSvgFromTile(artwork.tileSvg, artwork.tileSize, 3, 1536, 1536), 1536),
        svgToPng(artwork.previewSvg, 800),
      ]);
    } else {
      await storage.put(key('tile.png'), artwork.png, 'image/png');
      modelUrl = publicFileUrl(key('tile.png'));
      repeatPng = await tileRaster(artwork.png, 1536, 1536, 3);
      // The same garment mock-up as vector designs get, with the raster tile as the print.
      const preview = renderGarmentPreviewWithImage(
        design.category as Category,
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
            : { kind: 'raster', width: artwork.width, height: artwork.height },
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
