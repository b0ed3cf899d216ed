import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from './modules/orders/testing/admin-session.ts';
import { itemFor, pay, placeOrder, readyDesign } from './modules/orders/testing/commerce-fixtures.ts';
import {
  type Hints,
  hostileStrings,
  hostileValue,
  type JsonSchema,
  type Mode,
  schemaArbitrary,
} from './testing/openapi-arbitraries.ts';
import { createDesign, type Session, signUp } from './testing/fixtures.ts';
import { createTestApp, type TestApp } from './testing/test-app.ts';

/**
 * Fuzzes every operation of the OpenAPI document the app serves: requests generated with
 * fast-check from each operation's path, query, header and body schemas (valid, at the edges, and
 * hostile), sent anonymously, as a user, as an administrator and with forged tokens. Any 5xx fails.
 * The seed is printed; `FUZZ_SEED=n` replays a run, `FUZZ_REQUESTS=n` changes its size.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const CONCURRENCY = 4;

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
  stream: boolean;
}

type Auth = 'anonymous' | 'user' | 'admin' | 'forged';

interface FuzzRequest {
  auth: Auth;
  mode: Mode;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Operations that spend the session or the fixtures they are given run last. */
const spendsFixtures = (op: Operation) =>
  /\/auth\/(logout|refresh)$|\/admin\/users\/\{id\}$|\/cancel$/.test(op.path) || op.method === 'DELETE';

function operationsOf(document: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: any }>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        stream: /\/(events|stream)$/.test(path),
      });
    }
  }
  return operations.sort((a, b) => Number(spendsFixtures(a)) - Number(spendsFixtures(b)));
}

const forgedTokens = [
  'Bearer ',
  'Bearer x.y.z',
  'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.',
  'Basic YWRtaW46YWRtaW4=',
  `Bearer ${'a'.repeat(10_000)}`,
  'Bearer a\u0000b',
];

const rawBodies = fc.constantFrom(
  '',
  '{"title":',
  'null',
  '[]',
  '"text"',
  '0',
  `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
  `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_001)}`,
  '\uFEFF{}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"role":"admin"}}',
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
);

/** Percent-encodes a path segment; a lone surrogate goes out as the invalid UTF-8 it would be. */
function encodePathValue(name: string, value: unknown): string {
  const text = String(value);
  const encode = name === '*' ? encodeURI : encodeURIComponent;
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  return encode(text.replace(lone, '\uFFFD')) + (lone.test(text) ? '%ED%A0%80' : '');
}

const queryValue = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
    : [typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)];

function requestArbitrary(op: Operation, hints: Hints): fc.Arbitrary<FuzzRequest> {
  // One arbitrary per mode, built once: building them per sample costs more than sending.
  const byMode = Object.fromEntries(
    (['valid', 'boundary', 'hostile'] as const).map((mode) => [mode, modeArbitrary(op, hints, mode)]),
  ) as Record<Mode, fc.Arbitrary<Omit<FuzzRequest, 'auth'>>>;
  const modes = fc.constantFrom<Mode>('valid', 'valid', 'boundary', 'hostile', 'hostile');
  const auths = fc.constantFrom<Auth>('anonymous', 'user', 'user', 'admin', 'forged');
  return fc
    .tuple(
      modes.chain((mode) => byMode[mode]),
      auths,
      fc.constantFrom(...forgedTokens),
    )
    .map(([request, auth, forged]) => ({
      ...request,
      auth,
      headers: auth === 'forged' ? { ...request.headers, authorization: forged } : request.headers,
    }));
}

function modeArbitrary(op: Operation, hints: Hints, mode: Mode): fc.Arbitrary<Omit<FuzzRequest, 'auth'>> {
  const param = (p: Parameter) => schemaArbitrary(p.schema, mode, hints, p.name);
  const byKind = (kind: Parameter['in']) => op.parameters.filter((p) => p.in === kind);
  const optional = (p: Parameter) =>
    p.required ? param(p) : fc.option(param(p), { nil: undefined, freq: 2 });
  const pathParams = fc.tuple(...byKind('path').map(param));
  const query = fc.tuple(...byKind('query').map(optional));
  const headers = fc.tuple(...byKind('header').map(optional));
  const queryTail =
    mode === 'hostile'
      ? fc.constantFrom('', '', '&%zz', '&limit=1&limit=2', '&cursor[]=a', '&__proto__[x]=1', '&q=%00')
      : fc.constant('');
  const body: fc.Arbitrary<{ payload?: string; contentType?: string }> = (() => {
    const json = op.body
      ? schemaArbitrary(op.body, mode, hints).map((v) => ({ payload: JSON.stringify(v) ?? 'null' }))
      : fc.constant({});
    if (mode !== 'hostile') return json;
    return fc.oneof(
      { weight: 3, arbitrary: json },
      { weight: 1, arbitrary: hostileValue.map((v) => ({ payload: JSON.stringify(v) ?? 'null' })) },
      { weight: 1, arbitrary: fc.record({ payload: rawBodies, contentType: contentTypes }) },
    );
  })();
  const extraHeaders =
    mode === 'hostile'
      ? fc.record(
          {
            'x-forwarded-for': fc.constantFrom('203.0.113.9', 'a\u0000b', '::1, 10.0.0.1, garbage'),
            'accept-language': fc.constantFrom(...hostileStrings.slice(0, 12).map((s) => s.slice(0, 200))),
            'if-none-match': fc.constantFrom('*', '"x"', `W/"${'a'.repeat(1000)}"`),
          },
          { requiredKeys: [] },
        )
      : fc.constant({});
  return fc
    .record({ pathParams, query, headers, queryTail, body, extraHeaders })
    .map(({ pathParams, query, headers: headerValues, queryTail, body, extraHeaders }) => {
      let url = op.path;
      byKind('path').forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encodePathValue(p.name, pathParams[i]));
      });
      const search = new URLSearchParams();
      byKind('query').forEach((p, i) => {
        if (query[i] !== undefined) for (const v of queryValue(query[i])) search.append(p.name, v);
      });
      const qs = search.toString() + queryTail;
      if (qs) url += `?${qs.replace(/^&/, '')}`;
      const out: Record<string, string> = { ...(extraHeaders as Record<string, string>) };
      byKind('header').forEach((p, i) => {
        const value = headerValues[i];
        // Header values cannot carry control characters on the wire; send what HTTP can.
        if (value !== undefined)
          out[p.name] = String(value)
            .replace(/[^\x20-\x7e]/g, '?')
            .slice(0, 8_000);
      });
      if (body.payload !== undefined) out['content-type'] = body.contentType ?? 'application/json';
      return { mode, method: op.method, url, headers: out, payload: body.payload };
    });
}

const short = (text: string, max = 600) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

describe('OpenAPI-driven fuzzing', () => {
  let t: TestApp;
  const sessions: Partial<Record<Auth, Session | { auth: Record<string, string> }>> = {};
  const hints: Hints = {};

  async function send(request: FuzzRequest): Promise<LightMyRequestResponse> {
    const session = sessions[request.auth];
    const options: InjectOptions = {
      method: request.method as InjectOptions['method'],
      url: request.url,
      headers: { ...(session && request.auth !== 'forged' ? session.auth : {}), ...request.headers },
      payload: request.payload,
    };
    if (!/\/(events|stream)(\?|$)/.test(request.url)) return t.app.inject(options);
    // Server-sent events never end: read the head, then hang up as a browser closing the tab does.
    const res = await t.app.inject({ ...options, payloadAsStream: true });
    const raw = res.raw.res as unknown as { req: { destroy(): void } };
    res.stream().destroy();
    raw.req.destroy();
    return res;
  }

  /** A user whose token a previous operation revoked (logout, suspension) is replaced. */
  async function keepSessionsAlive() {
    const me = await t.app.inject({ method: 'GET', url: '/api/users/me', headers: sessions.user!.auth });
    if (me.statusCode === 401 || me.statusCode === 403) sessions.user = await signUp(t.app, 'Fuzz');
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        // Limits answer 429 before validation; lift them so requests reach the code behind them.
        RATE_LIMIT_AUTH_MAX: '100000000',
        RATE_LIMIT_API_MAX: '100000000',
        RATE_LIMIT_DESIGNS_PER_HOUR: '100000000',
        PUBLIC_URL: 'https://shop.example.com',
      },
    });
    const user = await signUp(t.app, 'Fuzz');
    const other = await signUp(t.app, 'Other');
    const admin = await adminSession(t.app);
    sessions.user = user;
    sessions.admin = admin;
    const mine = await readyDesign(t.app, user);
    const theirs = await createDesign(t.app, other, { isPublic: true });
    const item = await itemFor(t.app, mine.id, 'tshirt-unisex');
    const order = (await placeOrder(t.app, user, [item])).json();
    await pay(t.app, user, order.id);
    const unpaid = (await placeOrder(t.app, user, [item])).json();
    const get = async (url: string, session: { auth: Record<string, string> }) =>
      (await t.app.inject({ method: 'GET', url, headers: session.auth })).json();
    const versions = await get(`/api/designs/${mine.id}/versions`, user);
    const notifications = await get('/api/notifications?limit=1', user);
    const page = await get('/api/designs?limit=1', user);
    const products = (await get('/api/catalog/products', user)).items as {
      id: string;
      variants: { id: string }[];
    }[];
    // Stop background work: requests that queue jobs should not keep two cores busy rendering.
    await t.platform.jobs.stop();
    Object.assign(hints, {
      id: [
        mine.id,
        theirs.id,
        order.id,
        unpaid.id,
        other.userId,
        ...notifications.items.map((n: any) => n.id),
      ],
      // Items that can be ordered: the ready design on the t-shirt in one of its variants.
      designId: [mine.id],
      versionId: (versions.items ?? versions).map((v: any) => v.id),
      productId: ['tshirt-unisex'],
      variantId: products.find((p) => p.id === 'tshirt-unisex')!.variants.map((v) => v.id),
      country: ['US', 'GB', 'DE'],
      postalCode: ['94103', 'SW1A 1AA'],
      cursor: page.nextCursor ? [page.nextCursor] : [],
      paymentMethod: ['pm_card_visa', 'pm_card_chargeDeclined'],
      email: [user.email],
      password: ['linen-lemons-42'],
      refreshToken: [user.refreshToken],
      access_token: [user.token],
      '*': [
        `designs/${mine.id}/print/tshirt-unisex-front.png`,
        '../../package.json',
        '%2e%2e/%2e%2e/etc/passwd',
      ],
    });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it(`answers ${TOTAL}+ generated requests across every operation without a 5xx`, async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(30);
    const perOperation = Math.ceil(TOTAL / operations.length);
    console.log(
      `fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${perOperation} requests × ${operations.length} operations`,
    );
    const failures: string[] = [];
    const counts: {
      operation: string;
      requests: number;
      '2xx': number;
      '4xx': number;
      '5xx': number;
      ms: number;
    }[] = [];
    for (const [index, op] of operations.entries()) {
      const requests = fc.sample(requestArbitrary(op, hints), { seed: SEED + index, numRuns: perOperation });
      const row = {
        operation: `${op.method} ${op.path}`,
        requests: 0,
        '2xx': 0,
        '4xx': 0,
        '5xx': 0,
        ms: 0,
      };
      const started = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          const res = await send(request);
          row.requests++;
          const bucket = res.statusCode >= 500 ? '5xx' : res.statusCode >= 400 ? '4xx' : '2xx';
          row[bucket]++;
          if (res.statusCode >= 500) {
            const body =
              request.auth === 'forged' || !request.payload ? '' : `\n  body: ${short(request.payload)}`;
            failures.push(
              `${row.operation} (${request.mode}, ${request.auth}) → ${res.statusCode}\n  ${request.method} ${short(request.url, 300)}` +
                `\n  headers: ${short(JSON.stringify(request.headers), 300)}${body}\n  response: ${short(res.body)}`,
            );
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      row.ms = Math.round(performance.now() - started);
      counts.push(row);
      await keepSessionsAlive();
    }
    console.table(counts);
    const total = counts.reduce((sum, row) => sum + row.requests, 0);
    console.log(`fuzz: ${total} requests, ${failures.length} answered 5xx (seed ${SEED})`);
    expect(total).toBeGreaterThanOrEqual(TOTAL);
    expect(counts.every((row) => row.requests > 0)).toBe(true);
    expect(failures, `5xx answers (seed ${SEED}):\n${failures.slice(0, 20).join('\n')}`).toEqual([]);
  }, 600_000);
});
