import { setTimeout as sleep } from 'node:timers/promises';
import { interpretPrompt } from '@btb/pattern-engine';
import RunwayML from '@runwayml/sdk';
import type { TaskRetrieveResponse } from '@runwayml/sdk/resources/tasks';
import type { TextToImageCreateParams } from '@runwayml/sdk/resources/text-to-image';
import {
  type DesignGenerator,
  type GeneratedDesign,
  type GenerationRequest,
  type ProgressReporter,
  GeneratorError,
} from './design-generator.ts';
import { mergeInterpretationColors, normalizeTags } from './interpretation.ts';
import { toGeneratorError } from './provider-errors.ts';
import { downloadImage, toRasterArtwork } from './raster-artwork.ts';
import { buildTextilePrompt } from './textile-prompt.ts';

export interface RunwayGeneratorOptions {
  apiKey: string;
  /** Default 'https://api.dev.runwayml.com'. */
  baseURL?: string;
  /** Text-to-image model id (config RUNWAY_IMAGE_MODEL), e.g. 'gen4_image'. */
  model: string;
  /** Between task polls; Runway asks for no more than one poll per task every five seconds. */
  pollIntervalMs?: number;
  /** Per HTTP request (create, poll, download). */
  timeoutMs?: number;
  /** How long to wait for the task to finish before cancelling it. */
  maxWaitMs?: number;
  /** Output resolution as Runway writes it, e.g. '1024:1024'. */
  ratio?: string;
  /** SDK-level retries; the job queue retries too, so keep this low. */
  maxRetries?: number;
}

/** gen4_image's limit (in UTF-16 code units); other Runway models allow more. */
const MAX_PROMPT_LENGTH = 1000;

type TerminalFailure = TaskRetrieveResponse.Failed | TaskRetrieveResponse.Cancelled;

/**
 * Runway's documented task failure codes: SAFETY.* (moderation) and input problems must not be
 * retried; INTERNAL.* and INPUT_PREPROCESSING.INTERNAL are Runway-side problems that may pass next time.
 */
export function isRetryableTaskFailure(failureCode: string | undefined): boolean {
  if (!failureCode) return false;
  if (failureCode.includes('SAFETY')) return false;
  return failureCode.startsWith('INTERNAL') || failureCode.endsWith('.INTERNAL');
}

/**
 * Text-to-image through Runway's task API: create the task, poll it (reporting its progress),
 * then download the output at once, since Runway's output URLs expire.
 */
export class RunwayGenerator implements DesignGenerator {
  readonly name = 'runway' as const;
  private readonly client: RunwayML;
  private readonly pollIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: RunwayGeneratorOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxWaitMs = options.maxWaitMs ?? 10 * 60_000;
    this.client = new RunwayML({
      apiKey: options.apiKey,
      // null, not undefined: configuration comes from config.ts, never from the SDK reading env vars.
      baseURL: options.baseURL ?? null,
      timeout: this.timeoutMs,
      maxRetries: options.maxRetries ?? 1,
    });
  }

  async generate(
    request: GenerationRequest,
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<GeneratedDesign> {
    // Runway paints; the pattern engine's reading of the prompt gives the shared interpretation.
    const reading = interpretPrompt({
      prompt: request.prompt,
      category: request.category,
      style: request.style,
      colors: request.colors,
      seed: request.seed,
    });
    const colors = mergeInterpretationColors(request.colors, reading.colors);
    const promptText = buildTextilePrompt(
      {
        description: request.prompt,
        motifs: [],
        palette: colors,
        category: request.category,
        style: request.style,
      },
      MAX_PROMPT_LENGTH,
    );
    const ratio = this.options.ratio ?? '1024:1024';
    // `settled` once Runway reports a final status: only an unsettled task needs cancelling.
    const task: { id?: string; settled: boolean } = { settled: false };

    try {
      progress(5, 'Sending your prompt to Runway');
      const params = { model: this.options.model, promptText, ratio, seed: request.seed >>> 0 };
      // The SDK types each model's parameters; the model id is configuration, so we vouch for the shape.
      const created = await this.client.textToImage.create(params as TextToImageCreateParams, { signal });
      task.id = created.id;

      const output = await this.waitForOutput(task as { id: string; settled: boolean }, progress, signal);

      progress(90, 'Saving');
      const bytes = await downloadImage('Runway', output, { signal, timeoutMs: this.timeoutMs });
      const artwork = await toRasterArtwork('Runway', bytes);
      return {
        interpretation: {
          title: reading.title,
          tags: normalizeTags(reading.tags),
          colors,
          motifs: reading.recognised.motifs,
          confidence: reading.confidence,
        },
        artwork,
        aiModel: this.options.model,
        generationParams: {
          provider: 'runway',
          model: this.options.model,
          taskId: task.id,
          promptText,
          ratio,
          seed: params.seed,
        },
      };
    } catch (error) {
      if (task.id && !task.settled) await this.cancelTask(task.id);
      if (signal.aborted && !(error instanceof GeneratorError)) {
        throw new GeneratorError('The Runway request was cancelled', { retryable: true, cause: error });
      }
      throw toGeneratorError('Runway', error, RunwayML);
    }
  }

  /** Polls until the task ends; returns the first output URL. */
  private async waitForOutput(
    task: { id: string; settled: boolean },
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<string> {
    const deadline = Date.now() + this.maxWaitMs;
    let reported = '';
    const report = (percent: number, message: string) => {
      const key = `${percent}:${message}`;
      if (key === reported) return;
      reported = key;
      progress(percent, message);
    };

    for (;;) {
      const state = await this.client.tasks.retrieve(task.id, { signal });
      if (state.status === 'SUCCEEDED' || state.status === 'FAILED' || state.status === 'CANCELLED') {
        task.settled = true;
      }
      switch (state.status) {
        case 'SUCCEEDED': {
          const url = state.output?.[0];
          if (!url)
            throw new GeneratorError('Runway finished the task without an image', { retryable: true });
          return url;
        }
        case 'FAILED':
        case 'CANCELLED':
          throw taskFailure(state);
        case 'RUNNING':
          report(15 + Math.round(fraction(state.progress) * 70), 'Painting the pattern');
          break;
        case 'THROTTLED':
          report(10, 'Queued at Runway');
          break;
        default:
          report(10, 'Waiting for Runway');
      }
      if (Date.now() >= deadline) {
        throw new GeneratorError(`Runway did not finish within ${Math.round(this.maxWaitMs / 1000)} s`, {
          retryable: true,
        });
      }
      await sleep(this.pollIntervalMs, undefined, { signal });
    }
  }

  /** Best effort: a task we no longer wait for should not keep running (and charging). */
  private async cancelTask(taskId: string): Promise<void> {
    try {
      await this.client.tasks.delete(taskId, { timeout: 5_000, maxRetries: 0 });
    } catch {
      // The task may already be gone or Runway unreachable; nothing more to do.
    }
  }
}

/** Runway reports progress as a fraction; accept a percentage too. */
function fraction(progress: number | undefined): number {
  if (typeof progress !== 'number' || !Number.isFinite(progress)) return 0;
  return Math.min(1, Math.max(0, progress > 1 ? progress / 100 : progress));
}

function taskFailure(task: TerminalFailure): GeneratorError {
  if (task.status === 'CANCELLED') {
    return new GeneratorError('The Runway task was cancelled before it finished', { retryable: false });
  }
  const code = task.failureCode ? ` (${task.failureCode})` : '';
  return new GeneratorError(`Runway could not generate the image: ${task.failure}${code}`, {
    retryable: isRetryableTaskFailure(task.failureCode),
  });
}
