import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

const urlList = z
  .string()
  .trim()
  .transform((v) => (v === '' ? [] : v.split(',').map((s) => s.trim())))
  .pipe(z.array(z.url()));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Which proxies may set the client address: `false`, a hop count, or addresses/CIDRs. `true`
 * (trust every hop) would let any client choose its address through `X-Forwarded-For`, so it is
 * read as one hop (the bundled nginx) and reported as a notice at start-up.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): false | number | string[] => {
    const lower = v.toLowerCase();
    if (['', 'false', '0', 'no'].includes(lower)) return false;
    if (['true', 'yes'].includes(lower)) return 1;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const address = /^[0-9a-fA-F:.]+(\/\d{1,3})?$|^(loopback|linklocal|uniquelocal)$/;
    const bad = list.filter((entry) => !address.test(entry));
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `expected false, a hop count or IP addresses/CIDRs (not ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return list;
  });

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(def);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(8080, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalUrl,
  DATABASE_READ_URLS: urlList.default([]),
  DATABASE_POOL_MAX: int(20, 1, 500),
  /** The job poller's and outbox relay's own pool (see Database.background). */
  DATABASE_BACKGROUND_POOL_MAX: int(4, 1, 100),
  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().default('btb:'),
  NATS_URL: optionalUrl,
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('BTB_EVENTS'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** Defaults to boutique-to-box-api, or boutique-to-box-worker in the worker role. */
  OTEL_SERVICE_NAME: z.string().optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => (v.trim() === '' ? [] : v.split(',').map((s) => s.trim()))),
  BODY_LIMIT_BYTES: int(1_048_576, 1024),
  TRUST_PROXY: trustProxy.default(false),
  /** Open event streams per account (or per address when anonymous), and in total, per process. */
  SSE_MAX_STREAMS_PER_CLIENT: int(5, 1),
  SSE_MAX_STREAMS: int(2000, 1),
  CACHE_L1_MAX_ENTRIES: int(5000, 10),
  CACHE_DEFAULT_TTL_S: int(60, 1),
  JOBS_POLL_MS: int(500, 10),
  JOBS_CONCURRENCY: int(2, 1, 64),
  OUTBOX_POLL_MS: int(200, 10),
  /** How long a relay's claim on outbox rows lasts: the rows of a relay that dies are taken over after this. */
  OUTBOX_LEASE_MS: int(30_000, 500),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z.string().default('boutique-to-box'),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_S: int(900, 30),
  REFRESH_TOKEN_TTL_S: int(30 * 24 * 3600, 60),
  RATE_LIMIT_AUTH_MAX: int(5, 1),
  RATE_LIMIT_AUTH_WINDOW_S: int(900, 1),
  RATE_LIMIT_DESIGNS_PER_HOUR: int(10, 1),
  RATE_LIMIT_API_MAX: int(1000, 1),
  RATE_LIMIT_API_WINDOW_S: int(900, 1),
  AI_PROVIDER: z.enum(['builtin', 'openai', 'runway']).default('builtin'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_TEXT_MODEL: z.string().default('gpt-5-mini'),
  OPENAI_IMAGE_MODEL: z.string().default('gpt-image-1.5'),
  RUNWAY_API_KEY: z.string().optional(),
  RUNWAY_BASE_URL: optionalUrl,
  RUNWAY_IMAGE_MODEL: z.string().default('gen4_image'),
  GENERATION_MAX_ATTEMPTS: int(3, 1, 20),
  /** How long a generation job's claim lasts without renewal: a dead worker's job is taken over after this. */
  GENERATION_LEASE_MS: int(30_000, 500),
  PAYMENT_PROVIDER: z.enum(['test', 'stripe']).default('test'),
  /** Lets the test gateway run outside embedded mode (a staging stack); never beside Printful. */
  ALLOW_TEST_PAYMENTS: bool.default(false),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: optionalUrl,
  /** Public (pk_...) key for the web app's Stripe.js; served by GET /api/config. */
  STRIPE_PUBLISHABLE_KEY: z.string().optional(),
  FULFILLMENT_PROVIDER: z.enum(['simulator', 'printful']).default('simulator'),
  SIMULATOR_STEP_MS: int(3000, 0),
  PRINTFUL_TOKEN: z.string().optional(),
  PRINTFUL_BASE_URL: z.url().default('https://api.printful.com'),
  PRINTFUL_WEBHOOK_SECRET: z.string().optional(),
  /** How often a submitted Printful order is polled (Printful has no "delivered" webhook). */
  PRINTFUL_POLL_MS: int(600_000, 1000),
  /** Submission attempts (with exponential backoff from FULFILLMENT_RETRY_BACKOFF_MS) before fulfillment_failed. */
  FULFILLMENT_MAX_ATTEMPTS: int(5, 1, 50),
  FULFILLMENT_RETRY_BACKOFF_MS: int(5000, 1),
  /** How long a submission's claim lasts without renewal: a dead worker's submission is taken over after this. */
  FULFILLMENT_LEASE_MS: int(60_000, 500),
  /**
   * How long an order whose fulfillment failed waits for an operator's retry before it is cancelled
   * and its payment refunded (the workflow's compensation). 0 refunds at once.
   */
  FULFILLMENT_REFUND_AFTER_MS: int(86_400_000, 0),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('Boutique-To-Box <hello@boutique-to-box.local>'),
  MAPBOX_TOKEN: z.string().optional(),
  MAPBOX_BASE_URL: z.url().default('https://api.mapbox.com'),
  /** Public (pk.) token for the web app's map; MAPBOX_TOKEN is used instead when it is itself public. */
  MAPBOX_PUBLIC_TOKEN: z.string().optional(),
  APP_VERSION: z.string().default(process.env.npm_package_version ?? '0.1.0'),
});

export type Config = Readonly<
  z.infer<typeof configSchema> & {
    /** Settings read in a safer way than written, logged as warnings at start-up. */
    notices: readonly string[];
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Validates the environment once; every problem names its variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const config = result.data;
  const problems: string[] = [];
  if (config.AI_PROVIDER === 'openai' && !config.OPENAI_API_KEY)
    problems.push('OPENAI_API_KEY: required when AI_PROVIDER=openai');
  if (config.AI_PROVIDER === 'runway' && !config.RUNWAY_API_KEY)
    problems.push('RUNWAY_API_KEY: required when AI_PROVIDER=runway');
  if (config.PAYMENT_PROVIDER === 'stripe' && !config.STRIPE_SECRET_KEY)
    problems.push('STRIPE_SECRET_KEY: required when PAYMENT_PROVIDER=stripe');
  if (config.FULFILLMENT_PROVIDER === 'printful' && !config.PRINTFUL_TOKEN)
    problems.push('PRINTFUL_TOKEN: required when FULFILLMENT_PROVIDER=printful');
  if (config.DATABASE_URL && !config.JWT_SECRET) problems.push('JWT_SECRET: required outside embedded mode');
  if (!config.PUBLIC_URL && (config.DATABASE_URL || config.FULFILLMENT_PROVIDER === 'printful'))
    problems.push(
      `PUBLIC_URL: required ${config.DATABASE_URL ? 'outside embedded mode' : 'with FULFILLMENT_PROVIDER=printful'} (the address clients and the manufacturer reach, e.g. https://shop.example.com); links and print-file URLs are never taken from a request's Host header`,
    );
  if (config.PAYMENT_PROVIDER === 'test' && config.FULFILLMENT_PROVIDER === 'printful')
    problems.push(
      'PAYMENT_PROVIDER: the test gateway cannot pay for real manufacturing; set PAYMENT_PROVIDER=stripe with FULFILLMENT_PROVIDER=printful',
    );
  else if (config.PAYMENT_PROVIDER === 'test' && config.DATABASE_URL && !config.ALLOW_TEST_PAYMENTS)
    problems.push(
      'PAYMENT_PROVIDER: the test gateway (anyone can pay with it) is refused outside embedded mode; set PAYMENT_PROVIDER=stripe, or ALLOW_TEST_PAYMENTS=true for a test stack',
    );
  if (problems.length) throw new ConfigError(problems);
  const notices: string[] = [];
  if (/^(true|yes)$/i.test(env.TRUST_PROXY?.trim() ?? ''))
    notices.push(
      "TRUST_PROXY=true is read as 1 (trust only the nearest proxy): trusting every hop would let clients choose their address. Set the hop count or the proxies' CIDRs.",
    );
  return Object.freeze({ ...config, notices: Object.freeze(notices) });
}

/**
 * A split deployment (`--role api` and `--role worker` processes) needs a bus every process shares:
 * the in-process bus would mark events published that no process receives.
 */
export function checkRole(config: Config, role: 'all' | 'api' | 'worker'): void {
  if (role !== 'all' && config.DATABASE_URL && !config.NATS_URL)
    throw new ConfigError([`NATS_URL: required with --role ${role} (the roles share events through NATS)`]);
}

/**
 * Where links and print files point. Embedded mode without PUBLIC_URL (a machine of one's own, the
 * simulator as manufacturer) uses the local port; it is never the request's Host header.
 */
export const publicBaseUrl = (config: Config): string =>
  (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');

/** Configuration for tests: embedded defaults plus overrides, never the process environment's service URLs unless asked. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    PUBLIC_URL: 'http://localhost:8080',
    // Tests against real PostgreSQL pay with the test gateway.
    ALLOW_TEST_PAYMENTS: 'true',
    ...overrides,
  });
}
