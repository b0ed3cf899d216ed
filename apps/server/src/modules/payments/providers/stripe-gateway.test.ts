import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeHttpServer,
  type FakeResponse,
  type RecordedRequest,
  startFakeHttpServer,
} from '../../../platform/testing/fake-http-server.ts';
import { StripeGateway } from './stripe-gateway.ts';

const SECRET_KEY = 'sk_test_btb_local';
const WEBHOOK_SECRET = 'whsec_local_test_secret';

/**
 * A local stand-in for api.stripe.com: form-encoded requests, Stripe's JSON objects and error
 * bodies, and Stripe's idempotency rule (the same Idempotency-Key replays the first response).
 */
function stripeApi(server: FakeHttpServer) {
  const replays = new Map<string, FakeResponse>();
  const intents = new Map<string, Record<string, unknown>>();
  const created = { intents: 0, refunds: 0 };
  const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

  const idempotent = (handler: (req: RecordedRequest) => FakeResponse) => (req: RecordedRequest) => {
    const key = req.headers['idempotency-key'] as string | undefined;
    if (key && replays.has(key)) {
      const first = replays.get(key)!;
      return { ...first, headers: { ...first.headers, 'idempotent-replayed': 'true' } };
    }
    const response = handler(req);
    if (key) replays.set(key, response);
    return response;
  };

  server.route(
    'POST',
    '/v1/payment_intents',
    idempotent((req) => {
      if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) {
        return {
          status: 401,
          json: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } },
        };
      }
      created.intents++;
      const form = req.body as Record<string, string>;
      const intent: Record<string, any> = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(form.amount),
        currency: form.currency,
        metadata: { orderId: form['metadata[orderId]'] },
        payment_method: form.payment_method,
        client_secret: null,
        last_payment_error: null,
        status: 'succeeded',
      };
      intent.client_secret = `${intent.id}_secret_abc`;
      intents.set(intent.id, intent);
      switch (form.payment_method) {
        case 'pm_card_visa':
          return { json: intent };
        case 'pm_card_authenticationRequired':
          return {
            json: { ...intent, status: 'requires_action', next_action: { type: 'use_stripe_sdk' } },
          };
        case 'pm_card_chargeDeclinedInsufficientFunds': {
          const error = {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'insufficient_funds',
            message: 'Your card has insufficient funds.',
          };
          intent.status = 'requires_payment_method';
          intent.last_payment_error = error;
          return { status: 402, json: { error: { ...error, payment_intent: intent } } };
        }
        default:
          return {
            status: 400,
            json: {
              error: {
                type: 'invalid_request_error',
                code: 'resource_missing',
                param: 'payment_method',
                message: `No such PaymentMethod: '${form.payment_method}'`,
              },
            },
          };
      }
    }),
  );

  server.route(
    'POST',
    '/v1/refunds',
    idempotent((req) => {
      const form = req.body as Record<string, string>;
      const intent = intents.get(form.payment_intent ?? '');
      if (!intent) {
        return {
          status: 400,
          json: {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: 'No such payment_intent',
            },
          },
        };
      }
      created.refunds++;
      return {
        json: {
          id: id('re'),
          object: 'refund',
          amount: form.amount ? Number(form.amount) : intent.amount,
          payment_intent: intent.id,
          status: 'succeeded',
        },
      };
    }),
  );

  return { created };
}

let server: FakeHttpServer;
let api: ReturnType<typeof stripeApi>;
let gateway: StripeGateway;

beforeAll(async () => {
  server = await startFakeHttpServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  api = stripeApi(server);
  gateway = new StripeGateway({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    host: server.host,
    port: server.port,
    protocol: 'http',
  });
});

const charge = (paymentMethod: string, idempotencyKey = `pay-${randomBytes(4).toString('hex')}`) =>
  gateway.charge({ orderId: 'ord_7', amountCents: 4599, currency: 'USD', paymentMethod, idempotencyKey });

describe('StripeGateway against a Stripe-format server', () => {
  it('creates and confirms a PaymentIntent with auth, idempotency key, amount, currency and order metadata', async () => {
    const result = await charge('pm_card_visa', 'order-ord_7-pay-1');
    expect(result).toEqual({ status: 'succeeded', paymentIntentId: expect.stringMatching(/^pi_/) });

    const [sent] = server.requestsTo('POST', '/v1/payment_intents');
    expect(sent?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent?.headers['idempotency-key']).toBe('order-ord_7-pay-1');
    expect(sent?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(sent?.body).toMatchObject({
      amount: '4599',
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: 'true',
      'metadata[orderId]': 'ord_7',
      'automatic_payment_methods[enabled]': 'true',
      'automatic_payment_methods[allow_redirects]': 'never',
    });
  });

  it('the same idempotency key replays the first PaymentIntent: one charge, one id', async () => {
    const first = await charge('pm_card_visa', 'same-key');
    const second = await charge('pm_card_visa', 'same-key');
    expect(second).toEqual(first);
    expect(api.created.intents).toBe(1);
    expect(server.requestsTo('POST', '/v1/payment_intents')).toHaveLength(2);
  });

  it('maps requires_action with the client secret', async () => {
    const result = await charge('pm_card_authenticationRequired');
    expect(result).toEqual({
      status: 'requires_action',
      paymentIntentId: expect.stringMatching(/^pi_/),
      clientSecret: expect.stringMatching(/_secret_/),
    });
  });

  it('maps a 402 card_error (StripeCardError) to a failed result with the decline code', async () => {
    const result = await charge('pm_card_chargeDeclinedInsufficientFunds');
    expect(result).toEqual({
      status: 'failed',
      paymentIntentId: expect.stringMatching(/^pi_/),
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
  });

  it('maps an unknown payment method to a failed result, and a bad API key to an error', async () => {
    expect(await charge('pm_card_nonexistent')).toEqual({
      status: 'failed',
      message: "No such PaymentMethod: 'pm_card_nonexistent'",
    });
    const badKey = new StripeGateway({
      secretKey: 'sk_test_wrong',
      webhookSecret: WEBHOOK_SECRET,
      apiBase: server.url,
    });
    await expect(
      badKey.charge({
        orderId: 'o',
        amountCents: 100,
        currency: 'usd',
        paymentMethod: 'pm_card_visa',
        idempotencyKey: 'k1',
      }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('refunds with an idempotency key (replayed, not refunded twice) and an optional amount', async () => {
    const paid = await charge('pm_card_visa');
    if (paid.status !== 'succeeded') throw new Error('expected success');
    const refund = await gateway.refund(paid.paymentIntentId, 'refund-ord_7', 1000);
    expect(refund).toEqual({ refundId: expect.stringMatching(/^re_/), status: 'succeeded' });
    expect(await gateway.refund(paid.paymentIntentId, 'refund-ord_7', 1000)).toEqual(refund);
    expect(api.created.refunds).toBe(1);
    const [sent] = server.requestsTo('POST', '/v1/refunds');
    expect(sent?.headers['idempotency-key']).toBe('refund-ord_7');
    expect(sent?.body).toEqual({ payment_intent: paid.paymentIntentId, amount: '1000' });
  });
});

describe('StripeGateway webhooks', () => {
  const event = (type: string, object: Record<string, unknown>) =>
    JSON.stringify({ id: `evt_${randomBytes(6).toString('hex')}`, object: 'event', type, data: { object } });
  const sign = (payload: string, secret = WEBHOOK_SECRET) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret });

  it('parses correctly signed events into gateway events', () => {
    const succeeded = event('payment_intent.succeeded', {
      id: 'pi_1',
      object: 'payment_intent',
      metadata: { orderId: 'ord_1' },
    });
    expect(gateway.parseWebhook(Buffer.from(succeeded), sign(succeeded))).toEqual({
      id: JSON.parse(succeeded).id,
      type: 'payment_succeeded',
      paymentIntentId: 'pi_1',
      orderId: 'ord_1',
    });

    const failed = event('payment_intent.payment_failed', {
      id: 'pi_2',
      object: 'payment_intent',
      metadata: { orderId: 'ord_2' },
      last_payment_error: { message: 'Your card was declined.' },
    });
    expect(gateway.parseWebhook(Buffer.from(failed), sign(failed))).toMatchObject({
      type: 'payment_failed',
      paymentIntentId: 'pi_2',
      orderId: 'ord_2',
      message: 'Your card was declined.',
    });

    const refunded = event('charge.refunded', {
      id: 'ch_1',
      object: 'charge',
      payment_intent: 'pi_3',
      amount_refunded: 1500,
      metadata: { orderId: 'ord_3' },
    });
    expect(gateway.parseWebhook(Buffer.from(refunded), sign(refunded))).toMatchObject({
      type: 'refunded',
      paymentIntentId: 'pi_3',
      orderId: 'ord_3',
      amountCents: 1500,
    });

    const other = event('customer.created', { id: 'cus_1', object: 'customer' });
    expect(gateway.parseWebhook(Buffer.from(other), sign(other))).toMatchObject({
      type: 'ignored',
      rawType: 'customer.created',
    });
  });

  it('throws on a bad signature, a tampered body or no signature', () => {
    const payload = event('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent', metadata: {} });
    expect(() => gateway.parseWebhook(Buffer.from(payload), sign(payload, 'whsec_someone_else'))).toThrow(
      /signature/i,
    );
    const tampered = payload.replace('pi_1', 'pi_2');
    expect(() => gateway.parseWebhook(Buffer.from(tampered), sign(payload))).toThrow(/signature/i);
    expect(() => gateway.parseWebhook(Buffer.from(payload), undefined)).toThrow(/Missing Stripe-Signature/);
  });
});
