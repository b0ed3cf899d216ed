import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePrintfulWebhook, signPrintfulWebhook } from './printful-webhooks.ts';

const URL_SECRET = 'url-secret-7f3a9c';
/** Printful v2 hands out the webhook secret hex-encoded. */
const V2_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

const order = { id: 13, external_id: 'ord_1', status: 'fulfilled' };
const shipment = {
  id: 10,
  carrier: 'FEDEX',
  service: 'FedEx SmartPost',
  tracking_number: 0,
  tracking_url: 'https://www.fedex.com/fedextrack/?tracknumbers=0',
  created: 1_622_456_737,
  ship_date: '2021-05-31',
  shipped_at: 1_622_456_737,
  reshipment: false,
  items: [{ item_id: 1, quantity: 1 }],
};

const v1 = (type: string, data: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ type, created: 1_622_456_737, retries: 0, store: 12, data }));

describe('parsePrintfulWebhook v1 (secret in the URL)', () => {
  const parse = (body: Buffer, secretFromUrl?: string) =>
    parsePrintfulWebhook(body, { version: 'v1', secretFromUrl, expectedSecret: URL_SECRET });

  it('accepts the right URL secret and rejects a wrong or missing one', () => {
    const body = v1('order_put_hold', { reason: 'Payment', order });
    expect(parse(body, URL_SECRET).update).toEqual({
      kind: 'on_hold',
      externalId: 'ord_1',
      reason: 'Payment',
    });
    expect(() => parse(body, 'url-secret-7f3a9d')).toThrow(/Invalid Printful webhook secret/);
    expect(() => parse(body, 'short')).toThrow(/Invalid Printful webhook secret/);
    expect(() => parse(body)).toThrow(/Invalid Printful webhook secret/);
  });

  it('maps package_shipped to shipped with carrier, service, tracking and ship date', () => {
    const { update } = parse(
      v1('package_shipped', { shipment: { ...shipment, tracking_number: 'TRK123' }, order }),
      URL_SECRET,
    );
    expect(update).toEqual({
      kind: 'shipped',
      externalId: 'ord_1',
      shipment: {
        carrier: 'FEDEX',
        service: 'FedEx SmartPost',
        trackingNumber: 'TRK123',
        trackingUrl: shipment.tracking_url,
        shippedAt: new Date(1_622_456_737_000).toISOString(),
      },
    });
  });

  it('maps order_failed, order_canceled, order_put_hold; ignores other events', () => {
    expect(parse(v1('order_failed', { reason: 'Bad print file', order }), URL_SECRET).update).toEqual({
      kind: 'failed',
      externalId: 'ord_1',
      reason: 'Bad print file',
    });
    expect(parse(v1('order_canceled', { reason: 'Customer request', order }), URL_SECRET).update).toEqual({
      kind: 'cancelled',
      externalId: 'ord_1',
      reason: 'Customer request',
    });
    expect(parse(v1('order_put_hold', { reason: 'Address check', order }), URL_SECRET).update).toMatchObject({
      kind: 'on_hold',
    });
    expect(parse(v1('product_synced', { sync_product: { id: 1 } }), URL_SECRET).update).toBeNull();
    expect(parse(v1('order_updated', { order }), URL_SECRET).update).toBeNull();
  });

  it('gives a stable event key for redeliveries and distinct keys for distinct events', () => {
    const a = parse(v1('package_shipped', { shipment, order }), URL_SECRET).eventKey;
    const redelivery = JSON.parse(v1('package_shipped', { shipment, order }).toString());
    redelivery.retries = 3;
    const b = parse(Buffer.from(JSON.stringify(redelivery)), URL_SECRET).eventKey;
    const other = parse(
      v1('package_shipped', { shipment: { ...shipment, id: 11 }, order }),
      URL_SECRET,
    ).eventKey;
    expect(a).toMatch(/^printful:[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(other).not.toBe(a);
  });
});

describe('parsePrintfulWebhook v2 (HMAC-SHA256 signature)', () => {
  const v2 = (type: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    Buffer.from(
      JSON.stringify({ type, occurred_at: '2024-06-10T12:00:00Z', retries: 0, store_id: 12, data, ...extra }),
    );
  const parse = (body: Buffer, signatureHeader?: string) =>
    parsePrintfulWebhook(body, { version: 'v2', signatureHeader, expectedSecret: V2_SECRET });

  it('verifies the hex HMAC of the raw body keyed with the hex-decoded secret', () => {
    const body = v2('order_failed', { reason: 'Out of stock', order });
    const expected = createHmac('sha256', Buffer.from(V2_SECRET, 'hex')).update(body).digest('hex');
    expect(signPrintfulWebhook(body, V2_SECRET)).toBe(expected);
    expect(parse(body, expected).update).toEqual({
      kind: 'failed',
      externalId: 'ord_1',
      reason: 'Out of stock',
    });
    expect(parse(body, expected.toUpperCase()).update).toMatchObject({ kind: 'failed' });
  });

  it('rejects a bad signature, a tampered body, a signature keyed with the undecoded secret, or none', () => {
    const body = v2('order_canceled', { reason: 'x', order });
    const good = signPrintfulWebhook(body, V2_SECRET);
    expect(() => parse(body, signPrintfulWebhook(body, 'ffff'))).toThrow(
      /Invalid Printful webhook signature/,
    );
    const tampered = Buffer.from(body.toString().replace('ord_1', 'ord_2'));
    expect(() => parse(tampered, good)).toThrow(/Invalid Printful webhook signature/);
    const utf8Keyed = createHmac('sha256', V2_SECRET).update(body).digest('hex');
    expect(() => parse(body, utf8Keyed)).toThrow(/Invalid Printful webhook signature/);
    expect(() => parse(body)).toThrow(/Missing x-pf-webhook-signature/);
  });

  it('maps shipment_sent and uses the event id as the key when present', () => {
    const body = v2(
      'shipment_sent',
      { shipment: { ...shipment, tracking_number: '1Z999' }, order },
      { id: 'evt_42' },
    );
    const parsed = parse(body, signPrintfulWebhook(body, V2_SECRET));
    expect(parsed.eventKey).toBe('printful:evt_42');
    expect(parsed.update).toMatchObject({
      kind: 'shipped',
      externalId: 'ord_1',
      shipment: { trackingNumber: '1Z999' },
    });
  });

  it('orders without our external id produce no update', () => {
    const body = v2('order_failed', { reason: 'x', order: { id: 1, external_id: null } });
    expect(parse(body, signPrintfulWebhook(body, V2_SECRET)).update).toBeNull();
  });
});
