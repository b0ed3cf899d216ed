/** What the benchmark drives. Each scenario may prepare data through the API before it is measured. */
export interface Prepared {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** autocannon request sequence (e.g. a unique email per request); overrides the fields above. */
  requests?: Record<string, unknown>[];
}

export interface BenchContext {
  baseUrl: string;
  /** Designs seeded before the run. */
  seededDesigns: number;
}

export interface Scenario {
  name: string;
  /** Fewer connections for CPU-heavy work (password hashing, rendering); more to overload the pool. */
  connections?: number;
  /** Counts the answers of 500 and 503 in the row's note (overload). */
  countsServerErrors?: boolean;
  /** Also measures bare Fastify sending the same bytes as this response (a cached page). */
  sameBytesCeiling?: boolean;
  prepare(ctx: BenchContext): Promise<Prepared>;
}

const json = { 'content-type': 'application/json' };
const password = 'bench-password-42';

async function post(ctx: BenchContext, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(ctx.baseUrl + path, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function firstPage(ctx: BenchContext) {
  const res = await fetch(`${ctx.baseUrl}/api/designs?limit=24`);
  return (await res.json()) as { items: { id: string; createdAt: string }[]; nextCursor: string | null };
}

/** A keyset cursor deep into the list, made the way the server makes them (base64url JSON). */
function deepCursor(fromNewest: number) {
  // The seed spaces designs 25 s apart, newest now.
  const at = new Date(Date.now() - fromNewest * 25_000).toISOString();
  return Buffer.from(
    JSON.stringify({ sort: 'new', values: [at], id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' }),
  ).toString('base64url');
}

let counter = 0;

/** A signed-in buyer and a ready design of their own, made through the API. */
async function buyerWithDesign(ctx: BenchContext) {
  const email = `bench-buyer-${Date.now()}@example.com`;
  const session = await post(ctx, '/api/auth/register', { email, password, name: 'Bench Buyer' });
  const auth = { authorization: `Bearer ${session.accessToken}` };
  const design = await post(
    ctx,
    '/api/designs',
    {
      title: 'Bench lemons',
      prompt: 'navy linen summer dress with small coral lemons',
      category: 'dress',
      style: 'casual',
    },
    auth,
  );
  for (let i = 0; i < 120; i++) {
    const current = await (await fetch(`${ctx.baseUrl}/api/designs/${design.id}`, { headers: auth })).json();
    if (current.status === 'ready') return { auth, designId: design.id as string };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the bench design did not become ready');
}

async function firstVariant(ctx: BenchContext, productId: string): Promise<string> {
  const products = (await (await fetch(`${ctx.baseUrl}/api/catalog/products`)).json()) as {
    items: { id: string; variants: { id: string }[] }[];
  };
  return products.items.find((p) => p.id === productId)!.variants[0]!.id;
}

export const scenarios: Scenario[] = [
  { name: 'GET /health', prepare: async () => ({ path: '/health' }) },
  { name: 'GET /ready (database, cache, bus)', prepare: async () => ({ path: '/ready' }) },
  { name: 'GET /api/catalog/products', prepare: async () => ({ path: '/api/catalog/products' }) },
  {
    name: 'gallery first page (cached)',
    sameBytesCeiling: true,
    prepare: async () => ({ path: '/api/designs?limit=24' }),
  },
  {
    name: 'gallery first page (uncached)',
    prepare: async () => ({ path: '/api/designs?limit=24', headers: { 'cache-control': 'no-cache' } }),
  },
  {
    name: 'gallery first page (uncached), 100 connections on a pool of 20',
    connections: 100,
    countsServerErrors: true,
    prepare: async () => ({ path: '/api/designs?limit=24', headers: { 'cache-control': 'no-cache' } }),
  },
  {
    name: 'gallery deep cursor page (90% down)',
    prepare: async (ctx) => ({
      path: `/api/designs?limit=24&cursor=${deepCursor(Math.floor(ctx.seededDesigns * 0.9))}`,
    }),
  },
  {
    name: 'gallery search q=lemons',
    prepare: async () => ({
      path: '/api/designs?limit=24&q=lemons',
      headers: { 'cache-control': 'no-cache' },
    }),
  },
  {
    name: 'design detail',
    prepare: async (ctx) => ({ path: `/api/designs/${(await firstPage(ctx)).items[5]!.id}` }),
  },
  {
    name: 'POST /api/auth/login (argon2id)',
    connections: 8,
    prepare: async (ctx) => {
      const email = `bench-login-${Date.now()}@example.com`;
      await post(ctx, '/api/auth/register', { email, password, name: 'Bench' });
      return {
        method: 'POST',
        path: '/api/auth/login',
        headers: json,
        body: JSON.stringify({ email, password }),
      };
    },
  },
  {
    name: 'POST /api/auth/register (argon2id)',
    connections: 8,
    prepare: async () => ({
      method: 'POST',
      path: '/api/auth/register',
      requests: [
        {
          method: 'POST',
          path: '/api/auth/register',
          headers: json,
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            body: JSON.stringify({
              email: `bench-${process.pid}-${Date.now()}-${++counter}@example.com`,
              password,
              name: 'Bench',
            }),
          }),
        },
      ],
    }),
  },
  {
    name: 'POST /api/orders (validate, price, idempotency)',
    prepare: async (ctx) => {
      const { auth, designId } = await buyerWithDesign(ctx);
      const body = JSON.stringify({
        items: [
          {
            designId,
            productId: 'tshirt-unisex',
            variantId: await firstVariant(ctx, 'tshirt-unisex'),
            quantity: 2,
          },
          { designId, productId: 'tote-aop', variantId: await firstVariant(ctx, 'tote-aop'), quantity: 1 },
        ],
        shippingAddress: {
          name: 'Ada Lovelace',
          line1: '12 Linen Street',
          city: 'Portland',
          state: 'OR',
          postalCode: '97205',
          country: 'US',
        },
        shippingMethod: 'standard',
      });
      return {
        method: 'POST',
        path: '/api/orders',
        requests: [
          {
            method: 'POST',
            path: '/api/orders',
            body,
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              headers: { ...json, ...auth, 'idempotency-key': `bench-${process.pid}-${++counter}` },
            }),
          },
        ],
      };
    },
  },
];
