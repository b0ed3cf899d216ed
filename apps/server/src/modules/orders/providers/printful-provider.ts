import CircuitBreaker from 'opossum';
import {
  type FulfillmentAddress,
  FulfillmentError,
  type FulfillmentItem,
  type FulfillmentOrder,
  type FulfillmentProvider,
  type FulfillmentUpdate,
  type Shipment,
  type ShippingRate,
  type SubmittedOrder,
} from './fulfillment-provider.ts';
import {
  centsToPrice,
  orderToUpdate,
  type PrintfulEnvelope,
  type PrintfulOrder,
  priceToCents,
  toShipment,
} from './printful-format.ts';
import { retryAfterMs } from '../../../platform/http/retry-after.ts';

export interface PrintfulProviderOptions {
  token: string;
  /** Default https://api.printful.com */
  baseUrl?: string;
  /** For account-level tokens: the store the orders belong to (`X-PF-Store-Id`). */
  storeId?: string | number;
  /** Retries after the first attempt for 5xx, 429 and network errors. Default 4. */
  maxRetries?: number;
  /** First backoff delay; doubles each retry (with jitter). Default 500 ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not slept through: the error carries it for the job queue. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Per request. Default 20 s. */
  timeoutMs?: number;
  /** The most a call a person waits for (cancel) may take, retries included. Default 10 s. */
  interactiveBudgetMs?: number;
  /** Client-side pacing under Printful's limit. Default 120 per minute. */
  requestsPerMinute?: number;
  breaker?: {
    /** Failure percentage over the rolling window that opens the circuit. Default 50. */
    errorThresholdPercentage?: number;
    /** Requests in the window before the circuit may open. Default 10. */
    volumeThreshold?: number;
    /** How long the circuit stays open before a trial request. Default 30 s. */
    resetTimeoutMs?: number;
    /** Default 60 s. */
    rollingWindowMs?: number;
  };
}

export interface CostEstimate {
  currency: string;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

/** A Printful API error: a FulfillmentError (retryable for 5xx/429/network) that keeps the HTTP status. */
export class PrintfulApiError extends FulfillmentError {
  constructor(
    message: string,
    readonly status: number,
    retryable: boolean,
    retryAfterMs?: number,
  ) {
    super(message, retryable, retryAfterMs);
    this.name = 'PrintfulApiError';
  }
}

interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /** A person is waiting (cancel): every attempt and back-off together stay within this. */
  budgetMs?: number;
  /** This attempt's timeout, from the budget's remainder. */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Token bucket: bursts up to the per-minute limit, then paced; calls are served in order. */
class RequestPacer {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly perMinute: number) {
    this.tokens = perMinute;
  }
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = Date.now();
        this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
        this.last = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute));
      }
    });
    this.queue = turn;
    return turn;
  }
}

const isDuplicateExternalId = (err: PrintfulApiError) =>
  (err.status === 400 || err.status === 409) &&
  /external/i.test(err.message) &&
  /(already|exist|duplicate|in use|taken)/i.test(err.message);

function toRecipient(a: FulfillmentAddress) {
  return {
    name: a.name,
    address1: a.line1,
    address2: a.line2 || undefined,
    city: a.city,
    state_code: a.state || undefined,
    country_code: a.country.toUpperCase(),
    zip: a.postalCode,
    email: a.email,
    phone: a.phone,
  };
}

function toItem(item: FulfillmentItem) {
  return {
    variant_id: item.providerVariantId,
    quantity: item.quantity,
    retail_price: centsToPrice(item.retailPriceCents),
    name: item.name,
    files: Object.entries(item.files).map(([type, url]) => {
      const p = item.positions?.[type];
      return p
        ? {
            type,
            url,
            position: {
              area_width: p.areaWidth,
              area_height: p.areaHeight,
              width: p.width,
              height: p.height,
              top: p.top,
              left: p.left,
              limit_to_print_area: true,
            },
          }
        : { type, url };
    }),
  };
}

/**
 * Printful's v1 REST API with fetch: orders created and confirmed in one call, idempotent by
 * external id, paced under the rate limit, retried with backoff on 5xx/429 (honouring
 * Retry-After), behind a circuit breaker that fails fast while Printful is down.
 */
export class PrintfulProvider implements FulfillmentProvider {
  readonly name = 'printful' as const;
  readonly label = 'Printful';
  private readonly baseUrl: string;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;
  private readonly resetTimeoutMs: number;
  private readonly pacer: RequestPacer;
  private readonly breaker: CircuitBreaker<[RequestSpec], unknown>;

  constructor(private readonly options: PrintfulProviderOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.printful.com').replace(/\/+$/, '');
    this.maxRetries = options.maxRetries ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 20_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.resetTimeoutMs = options.breaker?.resetTimeoutMs ?? 30_000;
    this.pacer = new RequestPacer(options.requestsPerMinute ?? 120);
    this.breaker = new CircuitBreaker((spec: RequestSpec) => this.send(spec), {
      timeout: false, // each request has its own AbortSignal timeout
      errorThresholdPercentage: options.breaker?.errorThresholdPercentage ?? 50,
      volumeThreshold: options.breaker?.volumeThreshold ?? 10,
      resetTimeout: this.resetTimeoutMs,
      rollingCountTimeout: options.breaker?.rollingWindowMs ?? 60_000,
      // Our own mistakes (4xx) and rate limiting say nothing about Printful's health.
      errorFilter: (err: unknown) =>
        err instanceof PrintfulApiError && (!err.retryable || err.status === 429),
    });
  }

  /** Whether the circuit is open (Printful treated as down). */
  get circuitOpen(): boolean {
    return this.breaker.opened;
  }

  /** Stops the breaker's statistics timers. */
  close(): void {
    this.breaker.shutdown();
  }

  async submit(order: FulfillmentOrder): Promise<SubmittedOrder> {
    const body = {
      external_id: order.externalId,
      shipping: order.shippingMethod,
      recipient: toRecipient(order.recipient),
      items: order.items.map(toItem),
    };
    try {
      const created = await this.request<PrintfulOrder>({
        method: 'POST',
        path: '/orders?confirm=true',
        body,
      });
      return { providerOrderId: String(created.id), status: created.status };
    } catch (err) {
      // Created before (perhaps by an attempt whose response was lost): find it instead.
      if (!(err instanceof PrintfulApiError) || !isDuplicateExternalId(err)) throw err;
    }
    const existing = await this.getOrder(order.externalId);
    if (!existing) {
      throw new FulfillmentError(
        `Printful reports external id ${order.externalId} as taken but has no such order`,
        true,
      );
    }
    if (existing.status === 'draft') {
      const confirmed = await this.request<PrintfulOrder>({
        method: 'POST',
        path: `${this.orderPath(order.externalId)}/confirm`,
      });
      return { providerOrderId: String(confirmed.id), status: confirmed.status };
    }
    return { providerOrderId: String(existing.id), status: existing.status };
  }

  async cancel(externalId: string): Promise<void> {
    try {
      await this.request<PrintfulOrder>({
        method: 'DELETE',
        path: this.orderPath(externalId),
        budgetMs: this.options.interactiveBudgetMs ?? 10_000,
      });
    } catch (err) {
      if (!(err instanceof PrintfulApiError) || err.retryable) throw err;
      if (err.status === 404) return; // nothing to cancel
      const current = await this.getOrder(externalId);
      if (current && (current.status === 'canceled' || current.status === 'archived')) return;
      throw err;
    }
  }

  async estimateShipping(recipient: FulfillmentAddress, items: FulfillmentItem[]): Promise<ShippingRate[]> {
    const rates = await this.request<
      Array<{
        id: string;
        name: string;
        rate: string;
        currency: string;
        minDeliveryDays?: number;
        maxDeliveryDays?: number;
      }>
    >({
      method: 'POST',
      path: '/shipping/rates',
      body: {
        recipient: toRecipient(recipient),
        items: items.map((i) => ({ variant_id: i.providerVariantId, quantity: i.quantity })),
      },
    });
    return rates.map((r) => ({
      id: r.id,
      name: r.name,
      rateCents: priceToCents(r.rate),
      currency: r.currency,
      minDeliveryDays: r.minDeliveryDays,
      maxDeliveryDays: r.maxDeliveryDays,
    }));
  }

  /** What Printful will charge us for the order (production, shipping, tax), before submitting it. */
  async estimateCosts(order: Omit<FulfillmentOrder, 'externalId'>): Promise<CostEstimate> {
    const result = await this.request<{
      costs: {
        currency: string;
        subtotal: string | number;
        shipping: string | number;
        tax: string | number;
        vat?: string | number;
        total: string | number;
      };
    }>({
      method: 'POST',
      path: '/orders/estimate-costs',
      body: {
        shipping: order.shippingMethod,
        recipient: toRecipient(order.recipient),
        items: order.items.map(toItem),
      },
    });
    const c = result.costs;
    return {
      currency: c.currency,
      subtotalCents: priceToCents(c.subtotal),
      shippingCents: priceToCents(c.shipping),
      taxCents: priceToCents(c.tax) + priceToCents(c.vat ?? 0),
      totalCents: priceToCents(c.total),
    };
  }

  async poll(externalId: string): Promise<FulfillmentUpdate | null> {
    const order = await this.getOrder(externalId);
    if (!order) throw new FulfillmentError(`Printful has no order with external id ${externalId}`, false);
    return orderToUpdate(order, externalId);
  }

  async getShipment(externalId: string): Promise<Shipment | undefined> {
    const last = (await this.getOrder(externalId))?.shipments?.at(-1);
    return last ? toShipment(last) : undefined;
  }

  /** The order by our external id, or null when Printful has none. */
  async getOrder(externalId: string): Promise<PrintfulOrder | null> {
    try {
      return await this.request<PrintfulOrder>({ method: 'GET', path: this.orderPath(externalId) });
    } catch (err) {
      if (err instanceof PrintfulApiError && err.status === 404) return null;
      throw err;
    }
  }

  private orderPath(externalId: string): string {
    return `/orders/@${encodeURIComponent(externalId)}`;
  }

  /** One logical call: attempts through the breaker, retrying what is worth retrying. */
  private async request<T>(spec: RequestSpec): Promise<T> {
    let lastError: PrintfulApiError | undefined;
    let attempts = 0;
    const deadline = spec.budgetMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + spec.budgetMs;
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      attempts++;
      try {
        return (await this.breaker.fire({ ...spec, timeoutMs: Math.min(this.timeoutMs, remaining) })) as T;
      } catch (err) {
        if ((err as { code?: string }).code === 'EOPENBREAKER') {
          throw new FulfillmentError(
            'Printful is unavailable (circuit open after repeated failures); try again later',
            true,
            this.resetTimeoutMs,
          );
        }
        if (!(err instanceof PrintfulApiError) || !err.retryable) throw err;
        lastError = err;
        if (attempt === this.maxRetries) break;
        const backoff =
          Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);
        const delay = err.retryAfterMs ?? backoff;
        if (delay > this.maxRetryAfterMs) throw err; // the caller's job queue waits, not this request
        if (Date.now() + delay >= deadline) break;
        await sleep(delay);
      }
    }
    throw new FulfillmentError(
      `Printful ${spec.method} ${spec.path.split('?')[0]} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lastError?.message}`,
      true,
      lastError?.retryAfterMs,
    );
  }

  /** One HTTP attempt. */
  private async send(spec: RequestSpec): Promise<unknown> {
    await this.pacer.take();
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.token}`,
      accept: 'application/json',
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.storeId !== undefined) headers['x-pf-store-id'] = String(this.options.storeId);

    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${spec.path}`, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: AbortSignal.timeout(spec.timeoutMs ?? this.timeoutMs),
      });
    } catch (err) {
      throw new PrintfulApiError(`Printful unreachable: ${(err as Error).message}`, 0, true);
    }

    const text = await response.text();
    let envelope: PrintfulEnvelope<unknown> | undefined;
    try {
      envelope = text ? (JSON.parse(text) as PrintfulEnvelope<unknown>) : undefined;
    } catch {
      envelope = undefined;
    }
    if (response.ok && envelope) return envelope.result;

    const status = response.status;
    const detail =
      envelope?.error?.message ||
      (typeof envelope?.result === 'string' ? envelope.result : undefined) ||
      text.slice(0, 200) ||
      response.statusText;
    const retryable = status >= 500 || status === 429 || (response.ok && !envelope);
    throw new PrintfulApiError(
      `Printful ${status}: ${detail}`,
      status,
      retryable,
      status === 429 || status === 503 ? retryAfterMs(response.headers) : undefined,
    );
  }
}
