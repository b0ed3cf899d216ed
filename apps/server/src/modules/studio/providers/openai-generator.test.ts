import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeHttpServer,
  type FakeResponse,
  startFakeHttpServer,
} from '../../../platform/testing/fake-http-server.ts';
import { type GenerationRequest, GeneratorError } from './design-generator.ts';
import { OpenAiGenerator, type OpenAiGeneratorOptions } from './openai-generator.ts';
import { SEAMLESS_AT, seamDiscontinuity } from './seamless-tile.ts';

const API_KEY = 'sk-test-local';
// Deliberately not real model ids: the adapter must send whatever configuration says.
const TEXT_MODEL = 'test-text-model-7';
const IMAGE_MODEL = 'test-image-model-3';

const request: GenerationRequest = {
  designId: 'd_1',
  prompt: 'navy linen summer dress with small coral lemons',
  title: 'Lemon dress',
  category: 'dress',
  style: 'casual',
  colors: ['#1F2A44'],
  seed: 42,
};

const spec = {
  title: 'Coral Lemon Grove',
  tags: ['Lemons', 'summer', 'fruit', 'summer'],
  palette: ['#1f2a44', '#FF7F50', '#F5E6C8'],
  motifs: ['small coral lemons', 'leaves'],
  description: 'Small coral lemons with leaves scattered on navy linen.',
};

/** A chat.completion object as documented for Structured Outputs. */
function chatCompletion(message: { content: string | null; refusal: string | null }, finishReason = 'stop') {
  return {
    id: 'chatcmpl-local1',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: TEXT_MODEL,
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, logprobs: null, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 60, total_tokens: 180 },
  };
}

function openAiError(status: number, message: string, type: string, code: string | null): FakeResponse {
  return { status, json: { error: { message, type, param: null, code } } };
}

const neverAnswer = () => new Promise<FakeResponse>(() => {});

describe('OpenAiGenerator against a local OpenAI-compatible server', () => {
  let server: FakeHttpServer;
  let png: Buffer;

  const generator = (options: Partial<OpenAiGeneratorOptions> = {}) =>
    new OpenAiGenerator({
      apiKey: API_KEY,
      baseURL: `${server.url}/v1`,
      textModel: TEXT_MODEL,
      imageModel: IMAGE_MODEL,
      maxRetries: 0,
      ...options,
    });

  const run = (g = generator(), progress: [number, string][] = []) =>
    g.generate(request, (p, m) => progress.push([p, m]), new AbortController().signal);

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
    png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#ff7f50' } })
      .png()
      .toBuffer();
  });
  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
    server.route('POST', '/v1/chat/completions', () => ({
      json: chatCompletion({ content: JSON.stringify(spec), refusal: null }),
    }));
    server.route('POST', '/v1/images/generations', () => ({
      json: { created: Math.floor(Date.now() / 1000), data: [{ b64_json: png.toString('base64') }] },
    }));
  });

  it('reads the prompt into a spec with Structured Outputs, then paints a PNG pattern', async () => {
    const progress: [number, string][] = [];
    const result = await run(generator(), progress);

    expect(result.artwork.kind).toBe('raster');
    if (result.artwork.kind !== 'raster') throw new Error('unreachable');
    expect(result.artwork.png.subarray(0, 8)).toEqual(png.subarray(0, 8));
    expect([result.artwork.width, result.artwork.height]).toEqual([64, 48]);

    expect(result.interpretation).toEqual({
      title: 'Coral Lemon Grove',
      tags: ['lemons', 'summer', 'fruit'],
      // the owner's colour first, then the palette, deduplicated and lowercase
      colors: ['#1f2a44', '#ff7f50', '#f5e6c8'],
      motifs: ['small coral lemons', 'leaves'],
      confidence: 0.9,
    });
    expect(result.aiModel).toBe(IMAGE_MODEL);
    expect(result.generationParams).toMatchObject({
      textModel: TEXT_MODEL,
      imageModel: IMAGE_MODEL,
      spec: { title: 'Coral Lemon Grove', palette: ['#1f2a44', '#ff7f50', '#f5e6c8'] },
    });
    expect(progress.map(([p]) => p)).toEqual([10, 40, 90]);

    const [chat] = server.requestsTo('POST', '/v1/chat/completions');
    expect(chat!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(chat!.body.model).toBe(TEXT_MODEL);
    expect(chat!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'design_spec',
        strict: true,
        schema: { type: 'object', additionalProperties: false },
      },
    });
    expect(chat!.body.response_format.json_schema.schema.required).toEqual([
      'title',
      'tags',
      'palette',
      'motifs',
      'description',
    ]);
    const userMessage = chat!.body.messages.find((m: { role: string }) => m.role === 'user');
    expect(userMessage.content).toContain(request.prompt);
    expect(userMessage.content).toContain('#1F2A44');

    const [images] = server.requestsTo('POST', '/v1/images/generations');
    expect(images!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(images!.body).toMatchObject({ model: IMAGE_MODEL, size: '1024x1024', n: 1 });
    expect(images!.body.response_format).toBeUndefined();
    expect(images!.body.prompt).toMatch(/seamless repeating fabric pattern/i);
    expect(images!.body.prompt).toContain('small coral lemons');
    expect(images!.body.prompt).toMatch(/no garment/i);
    expect(images!.body.prompt).toMatch(/no text/i);
  });

  it('asks for a flat seamless repeat of the named objects, and mends a painted tile that has a seam', async () => {
    // A left-to-right gradient: each tile ends dark where the next begins light.
    const size = 256;
    const raw = Buffer.alloc(size * size * 3);
    for (let i = 0; i < size * size; i++) raw.fill(Math.floor((i % size) / 2) + 40, i * 3, i * 3 + 3);
    const seamed = await sharp(raw, { raw: { width: size, height: size, channels: 3 } })
      .png()
      .toBuffer();
    expect(await seamDiscontinuity(seamed)).toBeGreaterThan(SEAMLESS_AT * 3);
    server.route('POST', '/v1/images/generations', () => ({
      json: { created: 1, data: [{ b64_json: seamed.toString('base64') }] },
    }));

    const result = await run();

    const chat = server.requestsTo('POST', '/v1/chat/completions')[0]!;
    expect(chat.body.messages[0].content).toMatch(
      /seamless all-over repeat of exactly the things the customer named/,
    );
    const prompt = server.requestsTo('POST', '/v1/images/generations')[0]!.body.prompt as string;
    expect(prompt).toMatch(/flat textile repeat of small coral lemons, leaves/);
    expect(prompt).toMatch(/never replaced by other objects/);
    if (result.artwork.kind !== 'raster') throw new Error('expected raster artwork');
    expect(result.artwork.seam).toMatchObject({ repaired: true, seamless: true });
    expect(result.artwork.seam!.before).toBeGreaterThan(SEAMLESS_AT * 3);
    expect(await seamDiscontinuity(result.artwork.png)).toBeLessThanOrEqual(SEAMLESS_AT);
    expect([result.artwork.width, result.artwork.height]).toEqual([size, size]);
  });

  it('fetches the image when the API answers with a URL, and converts it to PNG', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer();
    server.route('GET', '/files/image.jpg', () => ({
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg,
    }));
    server.route('POST', '/v1/images/generations', () => ({
      json: { created: 1, data: [{ url: `${server.url}/files/image.jpg`, revised_prompt: 'lemons' }] },
    }));

    const result = await run(generator({ imageModel: 'dall-e-3' }));

    if (result.artwork.kind !== 'raster') throw new Error('expected raster artwork');
    expect((await sharp(result.artwork.png).metadata()).format).toBe('png');
    expect([result.artwork.width, result.artwork.height]).toEqual([40, 30]);
    expect(result.generationParams.revisedPrompt).toBe('lemons');
    // DALL·E answers with URLs unless asked for base64.
    expect(server.requestsTo('POST', '/v1/images/generations')[0]!.body.response_format).toBe('b64_json');
  });

  it('turns a refusal into a readable, non-retryable error and paints nothing', async () => {
    server.route('POST', '/v1/chat/completions', () => ({
      json: chatCompletion({ content: null, refusal: "I'm sorry, I can't help with that request." }),
    }));

    const error = await failure(run());

    expect(error.options.retryable).toBe(false);
    expect(error.message).toBe("The model declined this prompt: I'm sorry, I can't help with that request.");
    expect(server.requestsTo('POST', '/v1/images/generations')).toHaveLength(0);
  });

  it('treats an image content-policy rejection as final', async () => {
    server.route('POST', '/v1/images/generations', () =>
      openAiError(
        400,
        'Your request was rejected as a result of our safety system.',
        'image_generation_user_error',
        'moderation_blocked',
      ),
    );

    const error = await failure(run());

    expect(error.options.retryable).toBe(false);
    expect(error.message).toMatch(/safety system declined this prompt: Your request was rejected/);
  });

  it('treats a rejected API key as final', async () => {
    server.route('POST', '/v1/chat/completions', () =>
      openAiError(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
    );

    const error = await failure(run());

    expect(error.options.retryable).toBe(false);
    expect(error.message).toMatch(/401.*Incorrect API key provided/);
  });

  it('retries a server error', async () => {
    server.route('POST', '/v1/images/generations', () =>
      openAiError(500, 'The server had an error while processing your request.', 'server_error', null),
    );

    const error = await failure(run());

    expect(error.options.retryable).toBe(true);
    expect(error.message).toMatch(/500/);
  });

  it('retries a rate limit after the time the API asks for', async () => {
    server.route('POST', '/v1/chat/completions', () => ({
      ...openAiError(429, 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded'),
      headers: { 'retry-after': '2' },
    }));

    const error = await failure(run());

    expect(error.options.retryable).toBe(true);
    expect(error.options.retryAfterMs).toBe(2000);
  });

  it('does not retry a rate limit that is an exhausted quota', async () => {
    server.route('POST', '/v1/chat/completions', () =>
      openAiError(429, 'You exceeded your current quota.', 'insufficient_quota', 'insufficient_quota'),
    );

    const error = await failure(run());

    expect(error.options.retryable).toBe(false);
  });

  it('gives up on a server that never answers, as a retryable error', async () => {
    server.route('POST', '/v1/chat/completions', neverAnswer);

    const started = Date.now();
    const error = await failure(run(generator({ timeoutMs: 300 })));

    expect(error.options.retryable).toBe(true);
    expect(error.message).toMatch(/did not answer in time/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops when the job is cancelled', async () => {
    server.route('POST', '/v1/images/generations', neverAnswer);
    const controller = new AbortController();

    const pending = generator().generate(
      request,
      (percent) => {
        if (percent === 40) setTimeout(() => controller.abort(), 50);
      },
      controller.signal,
    );
    const error = await failure(pending);

    expect(error.message).toMatch(/cancelled/);
    expect(error.options.retryable).toBe(true);
  });

  it('retries a spec that does not match the schema', async () => {
    server.route('POST', '/v1/chat/completions', () => ({
      json: chatCompletion({ content: JSON.stringify({ ...spec, palette: ['coral'] }), refusal: null }),
    }));

    const error = await failure(run());

    expect(error.options.retryable).toBe(true);
    expect(error.message).toMatch(/invalid design spec/);
  });
});
