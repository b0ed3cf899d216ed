import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FulfillmentUpdate } from './fulfillment-provider.ts';
import { type PrintfulShipment, toShipment } from './printful-format.ts';

/**
 * Printful webhooks. v1 deliveries are unsigned: the secret travels in the URL we registered
 * (e.g. /api/webhooks/printful?secret=...). v2 deliveries carry `x-pf-webhook-signature`, the
 * hex HMAC-SHA256 of the raw body keyed with the webhook's `secret_key`, which Printful hands
 * out hex-encoded (so it is decoded to bytes before use).
 */

export const PRINTFUL_SIGNATURE_HEADER = 'x-pf-webhook-signature';

export class PrintfulWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintfulWebhookError';
  }
}

export interface PrintfulWebhookOptions {
  version: 'v1' | 'v2';
  /** v2: the `x-pf-webhook-signature` header. */
  signatureHeader?: string;
  /** v1: the secret from the delivery URL's query string. */
  secretFromUrl?: string;
  /** v1: the secret we put in the URL; v2: the webhook's (hex) secret key. */
  expectedSecret: string;
}

export interface ParsedPrintfulWebhook {
  /** Stable per event, for deduplicating redeliveries. */
  eventKey: string;
  update: FulfillmentUpdate | null;
}

interface PrintfulWebhookBody {
  id?: string | number;
  event_id?: string;
  type: string;
  /** v1: unix seconds. */
  created?: number;
  /** v2: ISO time. */
  occurred_at?: string;
  retries?: number;
  data?: {
    reason?: string;
    order?: { id?: number | string; external_id?: string | null; status?: string; error?: string };
    shipment?: PrintfulShipment & { order_external_id?: string };
  };
}

/** Constant-time comparison of arbitrary-length strings (hashing first hides the length). */
function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function signingKey(secret: string): Buffer {
  return /^(?:[0-9a-f]{2})+$/i.test(secret) ? Buffer.from(secret, 'hex') : Buffer.from(secret, 'utf8');
}

/** The v2 signature for a body: what Printful sends, and what tests sign with. */
export function signPrintfulWebhook(rawBody: Buffer, secret: string): string {
  return createHmac('sha256', signingKey(secret)).update(rawBody).digest('hex');
}

function verify(rawBody: Buffer, opts: PrintfulWebhookOptions): void {
  if (!opts.expectedSecret) throw new PrintfulWebhookError('Printful webhook secret is not configured');
  if (opts.version === 'v1') {
    if (!opts.secretFromUrl || !safeEqual(opts.secretFromUrl, opts.expectedSecret)) {
      throw new PrintfulWebhookError('Invalid Printful webhook secret');
    }
    return;
  }
  const given = opts.signatureHeader?.trim().toLowerCase();
  if (!given) throw new PrintfulWebhookError(`Missing ${PRINTFUL_SIGNATURE_HEADER} header`);
  if (!safeEqual(given, signPrintfulWebhook(rawBody, opts.expectedSecret))) {
    throw new PrintfulWebhookError('Invalid Printful webhook signature');
  }
}

function toUpdate(body: PrintfulWebhookBody, externalId: string): FulfillmentUpdate | null {
  const data = body.data ?? {};
  switch (body.type) {
    case 'package_shipped': // v1
    case 'shipment_sent': // v2
      return data.shipment ? { kind: 'shipped', externalId, shipment: toShipment(data.shipment) } : null;
    case 'order_failed':
      return {
        kind: 'failed',
        externalId,
        reason: data.reason || data.order?.error || 'Order failed at Printful',
      };
    case 'order_canceled':
      return { kind: 'cancelled', externalId, reason: data.reason || 'Order canceled at Printful' };
    case 'order_put_hold':
      return { kind: 'on_hold', externalId, reason: data.reason || 'Order put on hold at Printful' };
    default:
      return null;
  }
}

/** Verifies a Printful delivery and maps it to a fulfillment update (null for events we do not act on). */
export function parsePrintfulWebhook(rawBody: Buffer, opts: PrintfulWebhookOptions): ParsedPrintfulWebhook {
  verify(rawBody, opts);
  let body: PrintfulWebhookBody;
  try {
    body = JSON.parse(rawBody.toString('utf8')) as PrintfulWebhookBody;
  } catch {
    throw new PrintfulWebhookError('Printful webhook body is not JSON');
  }
  if (!body || typeof body.type !== 'string') throw new PrintfulWebhookError('Printful webhook has no type');

  const externalId = body.data?.order?.external_id ?? body.data?.shipment?.order_external_id ?? undefined;
  const explicitId = body.id ?? body.event_id;
  const eventKey =
    explicitId !== undefined
      ? `printful:${explicitId}`
      : `printful:${createHash('sha256')
          .update(
            [
              body.type,
              body.created ?? body.occurred_at ?? '',
              externalId ?? body.data?.order?.id ?? '',
              body.data?.shipment?.id ?? '',
            ].join('|'),
          )
          .digest('hex')}`;
  return { eventKey, update: externalId ? toUpdate(body, externalId) : null };
}
