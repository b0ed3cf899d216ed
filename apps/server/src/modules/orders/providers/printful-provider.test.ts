import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeHttpServer,
  type FakeResponse,
  type RecordedRequest,
  startFakeHttpServer,
} from '../../../platform/testing/fake-http-server.ts';
import { FulfillmentError, type FulfillmentOrder } from './fulfillment-provider.ts';
import type { PrintfulOrder } from './printful-format.ts';
import { PrintfulProvider, type PrintfulProviderOptions } from './printful-provider.ts';

const TOKEN = 'pf-test-token';

/** Printful v1 as documented: `{ code, result }` envelopes, `{ code, result, error: { reason, message } }` errors. */
function printfulApi(server: FakeHttpServer) {
  const orders = new Map<string, PrintfulOrder>();
  const stats = { created: 0 };
  const failures: FakeResponse[] = [];
  let nextId = 1000;

  const ok = (result: unknown): FakeResponse => ({ json: { code: 200, result } });
  const error = (
    code: number,
    reason: string,
    message: string,
    headers?: Record<string, string>,
  ): FakeResponse => ({
    status: code,
    headers,
    json: { code, result: message, error: { reason, message } },
  });
  const externalIdOf = (req: RecordedRequest) => (req.params.id ?? '').replace(/^@/, '');

  const handle = (handler: (req: RecordedRequest) => FakeResponse) => (req: RecordedRequest) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return error(401, 'Unauthorized', 'Invalid token');
    const injected = failures.shift();
    return injected ?? handler(req);
  };

  server.route(
    'POST',
    '/orders',
    handle((req) => {
      const body = req.body as { external_id: string };
      if (orders.has(body.external_id)) {
        return error(400, 'BadRequest', `Order with External ID ${body.external_id} already exists`);
      }
      if ((req.body as { items: Array<{ variant_id: number }> }).items.some((i) => i.variant_id === 999999)) {
        return error(400, 'BadRequest', 'Item 0: Variant 999999 is discontinued');
      }
      stats.created++;
      const order: PrintfulOrder = {
        id: nextId++,
        external_id: body.external_id,
        status: req.query.get('confirm') === 'true' ? 'pending' : 'draft',
        shipments: [],
      };
      orders.set(body.external_id, order);
      return ok(order);
    }),
  );
  server.route(
    'GET',
    '/orders/:id',
    handle((req) => {
      const order = orders.get(externalIdOf(req));
      return order ? ok(order) : error(404, 'NotFound', 'Order not found');
    }),
  );
  server.route(
    'POST',
    '/orders/:id/confirm',
    handle((req) => {
      const order = orders.get(externalIdOf(req));
      if (!order) return error(404, 'NotFound', 'Order not found');
      order.status = 'pending';
      return ok(order);
    }),
  );
  server.route(
    'DELETE',
    '/orders/:id',
    handle((req) => {
      const order = orders.get(externalIdOf(req));
      if (!order) return error(404, 'NotFound', 'Order not found');
      if (!['draft', 'pending', 'failed', 'canceled'].includes(order.status)) {
        return error(400, 'BadRequest', 'Orders already in production cannot be canceled');
      }
      order.status = 'canceled';
      return ok(order);
    }),
  );
  server.route(
    'POST',
    '/shipping/rates',
    handle(() =>
      ok([
        {
          id: 'STANDARD',
          name: 'Flat Rate (3-4 business days after fulfillment)',
          rate: '4.99',
          currency: 'USD',
          minDeliveryDays: 3,
          maxDeliveryDays: 4,
        },
        {
          id: 'EXPRESS',
          name: 'Express (1-2 business days)',
          rate: '15.20',
          currency: 'USD',
          minDeliveryDays: 1,
          maxDeliveryDays: 2,
        },
      ]),
    ),
  );
  server.route(
    'POST',
    '/orders/estimate-costs',
    handle(() =>
      ok({
        costs: {
          currency: 'USD',
          subtotal: 19.5,
          discount: 0,
          shipping: '4.99',
          tax: '1.21',
          vat: 0,
          total: '25.70',
        },
        retail_costs: { currency: 'USD', subtotal: '45.00', total: '49.99' },
      }),
    ),
  );

  return {
    orders,
    stats,
    /** The next requests (any route) get these responses instead. */
    failNext: (...responses: FakeResponse[]) => failures.push(...responses),
    error,
  };
}

const order = (externalId = 'ord_1'): FulfillmentOrder => ({
  externalId,
  shippingMethod: 'STANDARD',
  recipient: {
    name: 'Ada Lovelace',
    line1: '19 Union Square W',
    line2: 'Apt 4',
    city: 'New York',
    state: 'NY',
    postalCode: '10003',
    country: 'us',
    email: 'ada@example.com',
    phone: '+1 212 555 0100',
  },
  items: [
    {
      providerVariantId: 4012,
      quantity: 2,
      retailPriceCents: 1250,
      name: 'Coral lemons summer dress (M)',
      files: { front: 'https://cdn.example.com/d/1/front.png', back: 'https://cdn.example.com/d/1/back.png' },
    },
  ],
});

let server: FakeHttpServer;
let api: ReturnType<typeof printfulApi>;
const providers: PrintfulProvider[] = [];
const provider = (options: Partial<PrintfulProviderOptions> = {}) => {
  const p = new PrintfulProvider({
    token: TOKEN,
    baseUrl: server.url,
    baseDelayMs: 5,
    maxRetries: 3,
    ...options,
  });
  providers.push(p);
  return p;
};

beforeAll(async () => {
  server = await startFakeHttpServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  api = printfulApi(server);
});
afterEach(() => {
  for (const p of providers.splice(0)) p.close();
});

describe('PrintfulProvider orders', () => {
  it('creates and confirms an order with Bearer auth, the external id, variants and files by placement', async () => {
    const submitted = await provider({ storeId: 77 }).submit(order('ord_1'));
    expect(submitted).toEqual({ providerOrderId: '1000', status: 'pending' });

    const [sent] = server.requestsTo('POST', '/orders');
    expect(sent?.query.get('confirm')).toBe('true');
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.headers['x-pf-store-id']).toBe('77');
    expect(sent?.body).toEqual({
      external_id: 'ord_1',
      shipping: 'STANDARD',
      recipient: {
        name: 'Ada Lovelace',
        address1: '19 Union Square W',
        address2: 'Apt 4',
        city: 'New York',
        state_code: 'NY',
        country_code: 'US',
        zip: '10003',
        email: 'ada@example.com',
        phone: '+1 212 555 0100',
      },
      items: [
        {
          variant_id: 4012,
          quantity: 2,
          retail_price: '12.50',
          name: 'Coral lemons summer dress (M)',
          files: [
            { type: 'front', url: 'https://cdn.example.com/d/1/front.png' },
            { type: 'back', url: 'https://cdn.example.com/d/1/back.png' },
          ],
        },
      ],
    });
  });

  it('sends a placed print’s position within its print area with its file', async () => {
    const placed = order('ord_pos');
    placed.items[0]!.positions = {
      front: { areaWidth: 1800, areaHeight: 2400, width: 900, height: 1200, top: 600, left: 300 },
    };
    await provider().submit(placed);
    const [sent] = server.requestsTo('POST', '/orders');
    expect(sent?.body.items[0].files).toEqual([
      {
        type: 'front',
        url: 'https://cdn.example.com/d/1/front.png',
        position: {
          area_width: 1800,
          area_height: 2400,
          width: 900,
          height: 1200,
          top: 600,
          left: 300,
          limit_to_print_area: true,
        },
      },
      { type: 'back', url: 'https://cdn.example.com/d/1/back.png' },
    ]);
  });

  it('resubmitting the same external id returns the existing order without creating a second', async () => {
    const p = provider();
    const first = await p.submit(order('ord_2'));
    const again = await p.submit(order('ord_2'));
    expect(again).toEqual(first);
    expect(api.stats.created).toBe(1);
    expect(server.requestsTo('GET', '/orders/@ord_2')).toHaveLength(1);
  });

  it('confirms an existing draft found by external id', async () => {
    api.orders.set('ord_3', { id: 555, external_id: 'ord_3', status: 'draft', shipments: [] });
    expect(await provider().submit(order('ord_3'))).toEqual({ providerOrderId: '555', status: 'pending' });
    expect(server.requestsTo('POST', '/orders/@ord_3/confirm')).toHaveLength(1);
  });

  it('a 4xx other than 429 is a non-retryable FulfillmentError with Printful’s message, not retried', async () => {
    const bad = order('ord_4');
    bad.items[0]!.providerVariantId = 999999;
    const err = await provider()
      .submit(bad)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FulfillmentError);
    expect(err).toMatchObject({
      retryable: false,
      message: expect.stringContaining('Variant 999999 is discontinued'),
    });
    expect(server.requestsTo('POST', '/orders')).toHaveLength(1);
  });
});

describe('PrintfulProvider retries and circuit breaker', () => {
  it('waits out a 429 Retry-After, then succeeds', async () => {
    api.failNext(api.error(429, 'TooManyRequests', 'Too Many Requests', { 'retry-after': '1' }));
    const started = Date.now();
    const submitted = await provider().submit(order('ord_5'));
    expect(submitted.status).toBe('pending');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requestsTo('POST', '/orders')).toHaveLength(2);
  });

  it('does not sleep through a long Retry-After: the error carries it, retryable', async () => {
    api.failNext(api.error(429, 'TooManyRequests', 'Too Many Requests', { 'retry-after': '60' }));
    const err = await provider({ maxRetryAfterMs: 5_000 })
      .submit(order('ord_6'))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: true, retryAfterMs: 60_000 });
  });

  it('retries 5xx with backoff, then succeeds', async () => {
    api.failNext(api.error(502, 'BadGateway', 'Bad gateway'), api.error(500, 'InternalError', 'Oops'));
    expect(await provider().submit(order('ord_7'))).toEqual({ providerOrderId: '1000', status: 'pending' });
    expect(server.requestsTo('POST', '/orders')).toHaveLength(3);
    expect(api.stats.created).toBe(1);
  });

  it('persistent 5xx opens the breaker: later calls fail fast and retryable, and it recovers', async () => {
    const p = provider({ maxRetries: 2, breaker: { volumeThreshold: 3, resetTimeoutMs: 200 } });
    api.failNext(
      ...Array.from({ length: 3 }, () => api.error(503, 'ServiceUnavailable', 'Down for maintenance')),
    );

    const first = await p.submit(order('ord_8')).catch((e: unknown) => e);
    expect(first).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/failed after 3 attempts.*maintenance/),
    });
    expect(p.circuitOpen).toBe(true);

    const before = server.requests.length;
    const started = Date.now();
    const fast = await p.submit(order('ord_8')).catch((e: unknown) => e);
    expect(fast).toBeInstanceOf(FulfillmentError);
    expect(fast).toMatchObject({ retryable: true, message: expect.stringMatching(/circuit open/) });
    expect(Date.now() - started).toBeLessThan(200);
    expect(server.requests.length).toBe(before);

    await new Promise((r) => setTimeout(r, 250));
    expect(await p.submit(order('ord_8'))).toMatchObject({ status: 'pending' });
    expect(p.circuitOpen).toBe(false);
  });

  it('4xx answers do not open the breaker', async () => {
    const p = provider({ breaker: { volumeThreshold: 2 } });
    for (let i = 0; i < 4; i++) await p.cancel(`missing_${i}`);
    expect(p.circuitOpen).toBe(false);
  });
});

describe('PrintfulProvider shipping, costs, cancel and poll', () => {
  it('maps shipping rates to cents', async () => {
    const rates = await provider().estimateShipping(order().recipient, order().items);
    expect(rates).toEqual([
      {
        id: 'STANDARD',
        name: 'Flat Rate (3-4 business days after fulfillment)',
        rateCents: 499,
        currency: 'USD',
        minDeliveryDays: 3,
        maxDeliveryDays: 4,
      },
      {
        id: 'EXPRESS',
        name: 'Express (1-2 business days)',
        rateCents: 1520,
        currency: 'USD',
        minDeliveryDays: 1,
        maxDeliveryDays: 2,
      },
    ]);
    const [sent] = server.requestsTo('POST', '/shipping/rates');
    expect(sent?.body).toMatchObject({
      recipient: { country_code: 'US', state_code: 'NY', zip: '10003' },
      items: [{ variant_id: 4012, quantity: 2 }],
    });
  });

  it('estimates costs', async () => {
    const { externalId: _, ...draft } = order();
    expect(await provider().estimateCosts(draft)).toEqual({
      currency: 'USD',
      subtotalCents: 1950,
      shippingCents: 499,
      taxCents: 121,
      totalCents: 2570,
    });
  });

  it('cancels by external id; unknown orders are a no-op; orders in production refuse', async () => {
    const p = provider();
    await p.submit(order('ord_9'));
    await p.cancel('ord_9');
    expect(server.requestsTo('DELETE', '/orders/@ord_9')).toHaveLength(1);
    expect(api.orders.get('ord_9')?.status).toBe('canceled');
    await expect(p.cancel('never_submitted')).resolves.toBeUndefined();

    api.orders.set('ord_10', { id: 9, external_id: 'ord_10', status: 'inprocess', shipments: [] });
    await expect(p.cancel('ord_10')).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('in production'),
    });
  });

  it('a cancel while Printful hangs gives up within its budget instead of retrying through it', async () => {
    server.route('DELETE', '/orders/:id', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { status: 503, json: { code: 503, result: 'Service unavailable' } };
    });
    const p = provider({ timeoutMs: 5000, interactiveBudgetMs: 200, maxRetries: 3 });
    await expect(p.cancel('ord_hang')).rejects.toMatchObject({
      retryable: true,
      message: expect.stringContaining('failed after 1 attempt:'),
    });
    // Without the budget it would try four times, each waiting for Printful's answer.
    expect(server.requestsTo('DELETE', '/orders/@ord_hang')).toHaveLength(1);
  });

  it('polls and maps status and shipments', async () => {
    const p = provider();
    const set = (status: string, extra: Partial<PrintfulOrder> = {}) =>
      api.orders.set('ord_11', { id: 11, external_id: 'ord_11', status, shipments: [], ...extra });
    const shipment = {
      id: 1,
      carrier: 'USPS',
      service: 'USPS First Class Package',
      tracking_number: '9400111899223817612345',
      tracking_url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223817612345',
      created: 1_718_000_000,
      ship_date: '2024-06-10',
      shipped_at: 1_718_000_000,
    };

    set('pending');
    expect(await p.poll('ord_11')).toBeNull();
    set('inprocess');
    expect(await p.poll('ord_11')).toEqual({ kind: 'in_production', externalId: 'ord_11' });
    set('onhold', { error: 'Print file resolution too low' });
    expect(await p.poll('ord_11')).toEqual({
      kind: 'on_hold',
      externalId: 'ord_11',
      reason: 'Print file resolution too low',
    });
    set('fulfilled', { shipments: [shipment] });
    expect(await p.poll('ord_11')).toEqual({
      kind: 'shipped',
      externalId: 'ord_11',
      shipment: {
        carrier: 'USPS',
        service: 'USPS First Class Package',
        trackingNumber: '9400111899223817612345',
        trackingUrl: shipment.tracking_url,
        shippedAt: new Date(1_718_000_000_000).toISOString(),
      },
    });
    set('fulfilled', { shipments: [{ ...shipment, status: 'delivered' }] });
    expect(await p.poll('ord_11')).toEqual({ kind: 'delivered', externalId: 'ord_11' });
    set('failed', { error: 'Address not valid' });
    expect(await p.poll('ord_11')).toEqual({
      kind: 'failed',
      externalId: 'ord_11',
      reason: 'Address not valid',
    });
    set('canceled');
    expect(await p.poll('ord_11')).toMatchObject({ kind: 'cancelled' });
    await expect(p.poll('nope')).rejects.toMatchObject({ retryable: false });
  });
});
