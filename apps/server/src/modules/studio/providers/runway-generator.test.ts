import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeHttpServer,
  type FakeResponse,
  startFakeHttpServer,
} from '../../../platform/testing/fake-http-server.ts';
import { type GenerationRequest, GeneratorError } from './design-generator.ts';
import { isRetryableTaskFailure, RunwayGenerator, type RunwayGeneratorOptions } from './runway-generator.ts';

const API_KEY = 'key_local_test';
// Deliberately not a real model id: the adapter must send whatever configuration says.
const MODEL = 'test_image_model';
const TASK_ID = '17f20503-6c24-4c16-946b-35dbbce2af2f';

const request: GenerationRequest = {
  designId: 'd_1',
  prompt: 'navy linen summer dress with small coral lemons',
  title: 'Lemon dress',
  category: 'dress',
  style: 'casual',
  colors: ['#1F2A44'],
  seed: 42,
};

type TaskState = Record<string, unknown> & { status: string };

const neverAnswer = () => new Promise<FakeResponse>(() => {});

/**
 * A local stand-in for api.dev.runwayml.com: POST /v1/text_to_image starts a task, GET /v1/tasks/:id
 * walks through the states a test scripts (the last one repeats), DELETE cancels, and the task's
 * output URL is served by the same server.
 */
describe('RunwayGenerator against a local Runway API', () => {
  let server: FakeHttpServer;
  let png: Buffer;
  let states: TaskState[];

  const task = (state: TaskState) => ({ id: TASK_ID, createdAt: new Date().toISOString(), ...state });
  const succeeded = (path = '/outputs/image.png') => ({
    status: 'SUCCEEDED',
    output: [`${server.url}${path}`],
  });

  const generator = (options: Partial<RunwayGeneratorOptions> = {}) =>
    new RunwayGenerator({
      apiKey: API_KEY,
      baseURL: server.url,
      model: MODEL,
      pollIntervalMs: 10,
      maxRetries: 0,
      ...options,
    });

  const run = (g = generator(), progress: [number, string][] = [], signal = new AbortController().signal) =>
    g.generate(request, (p, m) => progress.push([p, m]), signal);

  const failure = async (promise: Promise<unknown>): Promise<GeneratorError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    return error as GeneratorError;
  };

  beforeAll(async () => {
    server = await startFakeHttpServer();
    png = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#ff7f50' } })
      .png()
      .toBuffer();
  });
  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
    states = [{ status: 'SUCCEEDED', output: [] }];
    server.route('POST', '/v1/text_to_image', () => ({
      json: { id: TASK_ID, estimatedCost: { credits: 5 } },
    }));
    server.route('GET', '/v1/tasks/:id', (req) => {
      if (req.params.id !== TASK_ID) return { status: 404, json: { error: 'Task not found' } };
      const state = states.length > 1 ? states.shift()! : states[0]!;
      return { json: task(state) };
    });
    server.route('DELETE', '/v1/tasks/:id', () => ({ status: 204 }));
    server.route('GET', '/outputs/image.png', () => ({
      headers: { 'content-type': 'image/png' },
      body: png,
    }));
  });

  it('creates a task, polls it while reporting progress, and downloads the output as PNG', async () => {
    states = [
      { status: 'PENDING' },
      { status: 'RUNNING', progress: 0.25 },
      { status: 'RUNNING', progress: 0.75 },
      succeeded(),
    ];
    const progress: [number, string][] = [];

    const result = await run(generator(), progress);

    if (result.artwork.kind !== 'raster') throw new Error('expected raster artwork');
    expect(result.artwork.png.equals(png)).toBe(true);
    expect([result.artwork.width, result.artwork.height]).toEqual([80, 60]);
    expect(result.aiModel).toBe(MODEL);
    expect(result.generationParams).toMatchObject({
      model: MODEL,
      taskId: TASK_ID,
      ratio: '1024:1024',
      seed: 42,
    });
    expect(result.interpretation.colors[0]).toBe('#1f2a44');
    expect(result.interpretation.colors.length).toBeLessThanOrEqual(5);
    expect(result.interpretation.title.length).toBeGreaterThan(0);
    expect(result.interpretation.motifs).toContain('lemons');

    expect(progress).toEqual([
      [5, 'Sending your prompt to Runway'],
      [10, 'Waiting for Runway'],
      [33, 'Painting the pattern'],
      [68, 'Painting the pattern'],
      [90, 'Saving'],
    ]);

    const [create] = server.requestsTo('POST', '/v1/text_to_image');
    expect(create!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(create!.headers['x-runway-version']).toBe('2024-11-06');
    expect(create!.body).toMatchObject({ model: MODEL, ratio: '1024:1024', seed: 42 });
    expect(create!.body.promptText).toContain(request.prompt);
    expect(create!.body.promptText).toMatch(/seamless repeating fabric pattern/i);
    expect(create!.body.promptText).toMatch(/flat textile repeat of the things named/);
    expect(create!.body.promptText.length).toBeLessThanOrEqual(1000);

    const polls = server.requestsTo('GET', `/v1/tasks/${TASK_ID}`);
    expect(polls).toHaveLength(4);
    expect(polls.every((p) => p.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
    expect(server.requestsTo('DELETE', `/v1/tasks/${TASK_ID}`)).toHaveLength(0);
  });

  it('converts a non-PNG output to PNG', async () => {
    const jpeg = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer();
    server.route('GET', '/outputs/image.jpg', () => ({
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg,
    }));
    states = [succeeded('/outputs/image.jpg')];

    const result = await run();

    if (result.artwork.kind !== 'raster') throw new Error('expected raster artwork');
    expect((await sharp(result.artwork.png).metadata()).format).toBe('png');
    expect([result.artwork.width, result.artwork.height]).toEqual([30, 20]);
  });

  it('fails for good on a moderation failure, with Runway’s reason', async () => {
    states = [
      { status: 'RUNNING', progress: 0.1 },
      {
        status: 'FAILED',
        failure: 'The prompt text did not pass moderation.',
        failureCode: 'SAFETY.INPUT.TEXT',
      },
    ];

    const error = await failure(run());

    expect(error.options.retryable).toBe(false);
    expect(error.message).toContain('The prompt text did not pass moderation.');
    expect(error.message).toContain('SAFETY.INPUT.TEXT');
    // A finished task is not cancelled (DELETE would delete it).
    expect(server.requestsTo('DELETE', `/v1/tasks/${TASK_ID}`)).toHaveLength(0);
  });

  it('retries failures Runway documents as internal', async () => {
    states = [
      { status: 'FAILED', failure: 'An internal error occurred.', failureCode: 'INTERNAL.BAD_OUTPUT.CODE01' },
    ];

    const error = await failure(run());

    expect(error.options.retryable).toBe(true);
    expect(error.message).toContain('An internal error occurred.');
  });

  it('classifies Runway failure codes', () => {
    expect(isRetryableTaskFailure('INTERNAL')).toBe(true);
    expect(isRetryableTaskFailure('INPUT_PREPROCESSING.INTERNAL')).toBe(true);
    expect(isRetryableTaskFailure('INPUT_PREPROCESSING.SAFETY.TEXT')).toBe(false);
    expect(isRetryableTaskFailure('SAFETY.OUTPUT.IMAGE')).toBe(false);
    expect(isRetryableTaskFailure('ASSET.INVALID')).toBe(false);
    expect(isRetryableTaskFailure(undefined)).toBe(false);
  });

  it('fails for good when the task was cancelled', async () => {
    states = [{ status: 'CANCELLED' }];

    const error = await failure(run());

    expect(error.options.retryable).toBe(false);
  });

  it('fails for good on a rejected request, with Runway’s explanation', async () => {
    server.route('POST', '/v1/text_to_image', () => ({
      status: 400,
      json: { error: 'Invalid ratio for this model.' },
    }));

    const error = await failure(run());

    expect(error.options.retryable).toBe(false);
    expect(error.message).toContain('Invalid ratio for this model.');
  });

  it('retries a server error', async () => {
    server.route('POST', '/v1/text_to_image', () => ({ status: 502, json: { error: 'Bad gateway' } }));

    const error = await failure(run());

    expect(error.options.retryable).toBe(true);
  });

  it('retries a rate limit after the time the API asks for', async () => {
    server.route('GET', '/v1/tasks/:id', () => ({
      status: 429,
      headers: { 'retry-after': '2' },
      json: { error: 'Too many requests' },
    }));

    const error = await failure(run());

    expect(error.options.retryable).toBe(true);
    expect(error.options.retryAfterMs).toBe(2000);
    // The task we stopped waiting for is cancelled rather than left running.
    expect(server.requestsTo('DELETE', `/v1/tasks/${TASK_ID}`)).toHaveLength(1);
  });

  it('gives up on a server that never answers, as a retryable error', async () => {
    server.route('POST', '/v1/text_to_image', neverAnswer);

    const started = Date.now();
    const error = await failure(run(generator({ timeoutMs: 300 })));

    expect(error.options.retryable).toBe(true);
    expect(error.message).toMatch(/did not answer in time/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cancels the task when it runs past the wait limit', async () => {
    states = [{ status: 'RUNNING', progress: 0.5 }];

    const error = await failure(run(generator({ maxWaitMs: 100 })));

    expect(error.options.retryable).toBe(true);
    expect(error.message).toMatch(/did not finish/);
    expect(server.requestsTo('DELETE', `/v1/tasks/${TASK_ID}`)).toHaveLength(1);
  });

  it('stops polling and cancels the task when the job is cancelled', async () => {
    states = [{ status: 'THROTTLED' }];
    const controller = new AbortController();

    const pending = run(generator({ pollIntervalMs: 50 }), [], controller.signal);
    setTimeout(() => controller.abort(), 120);
    const error = await failure(pending);

    expect(error.options.retryable).toBe(true);
    expect(error.message).toMatch(/cancelled/);
    expect(server.requestsTo('DELETE', `/v1/tasks/${TASK_ID}`)).toHaveLength(1);
  });

  it('retries when the output can no longer be downloaded', async () => {
    states = [succeeded('/outputs/expired.png')];

    const error = await failure(run());

    expect(error.options.retryable).toBe(true);
    expect(error.message).toMatch(/Could not download the Runway image: HTTP 404/);
  });
});
