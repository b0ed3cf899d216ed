import type { Config } from '../../config.ts';
import type { Platform } from '../../platform/platform.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DesignsService } from '../designs/index.ts';
import type { AppModule } from '../module.ts';
import { BuiltinGenerator } from './providers/builtin-generator.ts';
import type { DesignGenerator } from './providers/design-generator.ts';
import { StudioService } from './service.ts';

export { CANDIDATES_PER_PROMPT, designFileKey, GENERATION_QUEUE } from './service.ts';
export type { StudioService } from './service.ts';
export { compositeMockup, type MockupComposite, repeatToPng, svgToPng, tileRaster } from './rendering.ts';

/** The one place a generator is chosen from configuration. */
export async function createGenerator(config: Config): Promise<DesignGenerator> {
  switch (config.AI_PROVIDER) {
    case 'openai': {
      // loadConfig already refuses these providers without their keys; the checks keep the types honest.
      if (!config.OPENAI_API_KEY) throw new Error('OPENAI_API_KEY: required when AI_PROVIDER=openai');
      const { OpenAiGenerator } = await import('./providers/openai-generator.ts');
      return new OpenAiGenerator({
        apiKey: config.OPENAI_API_KEY,
        baseURL: config.OPENAI_BASE_URL,
        textModel: config.OPENAI_TEXT_MODEL,
        imageModel: config.OPENAI_IMAGE_MODEL,
      });
    }
    case 'runway': {
      if (!config.RUNWAY_API_KEY) throw new Error('RUNWAY_API_KEY: required when AI_PROVIDER=runway');
      const { RunwayGenerator } = await import('./providers/runway-generator.ts');
      return new RunwayGenerator({
        apiKey: config.RUNWAY_API_KEY,
        baseURL: config.RUNWAY_BASE_URL,
        model: config.RUNWAY_IMAGE_MODEL,
      });
    }
    default:
      return new BuiltinGenerator();
  }
}

export async function createStudioModule(
  platform: Platform,
  deps: { designs: DesignsService; catalog: CatalogService },
) {
  const studio = new StudioService({
    jobs: platform.jobs,
    storage: platform.storage,
    designs: deps.designs,
    catalog: deps.catalog,
    generator: await createGenerator(platform.config),
    metrics: platform.metrics,
    logger: platform.logger,
    maxAttempts: platform.config.GENERATION_MAX_ATTEMPTS,
    leaseMs: platform.config.GENERATION_LEASE_MS,
  });
  deps.designs.setGenerationScheduler(studio.schedule, studio.candidatesPerPrompt);
  const module: AppModule = {
    name: 'studio',
    startWorkers: async () =>
      studio.startWorker(platform.config.JOBS_CONCURRENCY, platform.config.JOBS_POLL_MS),
  };
  return { service: studio, module };
}
