import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHttpServer, startFakeHttpServer } from '../../../platform/testing/fake-http-server.ts';
import {
  STRIPE_TEST_SECRET_KEY as SECRET_KEY,
  STRIPE_TEST_WEBHOOK_SECRET as WEBHOOK_SECRET,
  stripeApi,
} from '../testing/stripe-api.ts';
import { StripeGateway } from './stripe-gateway.ts';

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

  it('with a return URL: a card-only PaymentIntent, 3-D Secure as redirect_to_url, then retrieve', async () => {
    const returnUrl = 'https://shop.example.com/orders/o7/checkout';
    const request = (idempotencyKey: string) => ({
      orderId: 'ord_7',
      amountCents: 4599,
      currency: 'usd',
      paymentMethod: 'pm_card_authenticationRequired',
      idempotencyKey,
      returnUrl,
    });
    const result = await gateway.charge(request('auth-1'));
    if (result.status !== 'requires_action')
      throw new Error(`expected requires_action, got ${result.status}`);
    expect(result.nextAction).toEqual({
      type: 'redirect_to_url',
      url: expect.stringContaining(`payment_intent=${result.paymentIntentId}`),
    });
    const [sent] = server.requestsTo('POST', '/v1/payment_intents');
    // Stripe refuses a return_url beside automatic_payment_methods[allow_redirects]=never.
    expect(sent?.body).toMatchObject({
      'payment_method_types[0]': 'card',
      return_url: returnUrl,
      confirm: 'true',
    });
    expect(Object.keys(sent?.body ?? {}).some((k) => k.startsWith('automatic_payment_methods'))).toBe(false);

    expect(await gateway.retrieve(result.paymentIntentId)).toEqual(result);
    api.authenticate(result.paymentIntentId, true);
    expect(await gateway.retrieve(result.paymentIntentId)).toEqual({
      status: 'succeeded',
      paymentIntentId: result.paymentIntentId,
    });
    expect(server.requestsTo('GET', `/v1/payment_intents/${result.paymentIntentId}`)).toHaveLength(2);

    const refused = await gateway.charge(request('auth-2'));
    if (refused.status !== 'requires_action') throw new Error('expected requires_action');
    api.authenticate(refused.paymentIntentId, false);
    expect(await gateway.retrieve(refused.paymentIntentId)).toEqual({
      status: 'failed',
      paymentIntentId: refused.paymentIntentId,
      declineCode: 'payment_intent_authentication_failure',
      message: expect.stringContaining('failed authentication'),
    });
    await expect(gateway.retrieve('pi_missing')).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
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
