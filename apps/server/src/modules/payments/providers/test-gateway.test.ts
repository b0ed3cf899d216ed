import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { ChargeRequest } from './payment-gateway.ts';
import { TEST_GATEWAY_WEBHOOK_SECRET, TestGateway } from './test-gateway.ts';

const request = (overrides: Partial<ChargeRequest> = {}): ChargeRequest => ({
  orderId: 'ord_1',
  amountCents: 4599,
  currency: 'usd',
  paymentMethod: 'pm_card_visa',
  idempotencyKey: `key-${Math.random()}`,
  ...overrides,
});

describe('TestGateway', () => {
  it.each(['pm_card_visa', 'pm_card_mastercard'])('%s succeeds', async (paymentMethod) => {
    const result = await new TestGateway().charge(request({ paymentMethod }));
    expect(result).toEqual({ status: 'succeeded', paymentIntentId: expect.stringMatching(/^pi_test_/) });
  });

  it.each([
    ['pm_card_chargeDeclined', 'generic_decline', 'Your card was declined.'],
    ['pm_card_visa_chargeDeclined', 'generic_decline', 'Your card was declined.'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds', 'Your card has insufficient funds.'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'Your card has expired.'],
  ])('%s fails with decline code %s', async (paymentMethod, declineCode, message) => {
    const result = await new TestGateway().charge(request({ paymentMethod }));
    expect(result).toEqual({
      status: 'failed',
      paymentIntentId: expect.stringMatching(/^pi_test_/),
      declineCode,
      message,
    });
  });

  it('pm_card_authenticationRequired requires action with a client secret', async () => {
    const gateway = new TestGateway();
    const result = await gateway.charge(request({ paymentMethod: 'pm_card_authenticationRequired' }));
    expect(result.status).toBe('requires_action');
    if (result.status !== 'requires_action') return;
    expect(result.clientSecret).toMatch(new RegExp(`^${result.paymentIntentId}_secret_`));
    expect(gateway.completeAuthentication(result.paymentIntentId)).toEqual({
      status: 'succeeded',
      paymentIntentId: result.paymentIntentId,
    });
  });

  it('with a return URL, 3-D Secure is a redirect to the bank page; retrieve tells how it ended', async () => {
    const gateway = new TestGateway();
    const returnUrl = 'https://shop.example.com/orders/o1/checkout';
    const approved = await gateway.charge(
      request({ paymentMethod: 'pm_card_authenticationRequired', returnUrl }),
    );
    if (approved.status !== 'requires_action')
      throw new Error(`expected requires_action, got ${approved.status}`);
    expect(approved.nextAction).toEqual({
      type: 'redirect_to_url',
      url: `/api/payments/test-bank/${approved.paymentIntentId}?return_url=${encodeURIComponent(returnUrl)}`,
    });
    expect(await gateway.retrieve(approved.paymentIntentId)).toEqual(approved);
    gateway.completeAuthentication(approved.paymentIntentId, true);
    expect(await gateway.retrieve(approved.paymentIntentId)).toEqual({
      status: 'succeeded',
      paymentIntentId: approved.paymentIntentId,
    });

    const refused = await gateway.charge(
      request({ paymentMethod: 'pm_card_authenticationRequired', returnUrl }),
    );
    if (refused.status !== 'requires_action') throw new Error('expected requires_action');
    gateway.completeAuthentication(refused.paymentIntentId, false);
    expect(await gateway.retrieve(refused.paymentIntentId)).toEqual({
      status: 'failed',
      paymentIntentId: refused.paymentIntentId,
      declineCode: 'payment_intent_authentication_failure',
      message: 'We are unable to authenticate your payment method.',
    });
    await expect(gateway.retrieve('pi_test_nope')).rejects.toThrow(/No such payment_intent/);
  });

  it('an unknown payment method fails without charging', async () => {
    const result = await new TestGateway().charge(request({ paymentMethod: 'pm_card_bogus' }));
    expect(result).toEqual({ status: 'failed', message: 'Unknown payment method: pm_card_bogus' });
  });

  it('the same idempotency key returns the same result and never charges twice', async () => {
    const gateway = new TestGateway();
    const first = await gateway.charge(request({ idempotencyKey: 'order-1-pay' }));
    const second = await gateway.charge(request({ idempotencyKey: 'order-1-pay' }));
    expect(second).toEqual(first);
    expect(gateway.takeWebhooks().filter((w) => w.type === 'payment_intent.succeeded')).toHaveLength(1);
    const other = await gateway.charge(request({ idempotencyKey: 'order-1-pay-again' }));
    expect(other.status === 'succeeded' && other.paymentIntentId).not.toBe(
      first.status === 'succeeded' && first.paymentIntentId,
    );
  });

  it('refuses to reuse an idempotency key with different parameters, as Stripe does', async () => {
    const gateway = new TestGateway();
    await gateway.charge(request({ idempotencyKey: 'k' }));
    await expect(gateway.charge(request({ idempotencyKey: 'k', amountCents: 1 }))).rejects.toThrow(
      /same parameters/,
    );
  });

  it('refunds succeeded payments (idempotently, never more than was paid) and nothing else', async () => {
    const gateway = new TestGateway();
    const paid = await gateway.charge(request({ amountCents: 1000 }));
    if (paid.status !== 'succeeded') throw new Error('expected success');
    const partial = await gateway.refund(paid.paymentIntentId, 'refund-1', 400);
    expect(partial).toEqual({ refundId: expect.stringMatching(/^re_test_/), status: 'succeeded' });
    expect(await gateway.refund(paid.paymentIntentId, 'refund-1', 400)).toEqual(partial);
    await expect(gateway.refund(paid.paymentIntentId, 'refund-2', 700)).rejects.toThrow(/greater than/);
    expect((await gateway.refund(paid.paymentIntentId, 'refund-3')).status).toBe('succeeded');

    const declined = await gateway.charge(request({ paymentMethod: 'pm_card_chargeDeclined' }));
    if (declined.status !== 'failed') throw new Error('expected failure');
    await expect(gateway.refund(declined.paymentIntentId!, 'refund-4')).rejects.toThrow(/successful charge/);
    await expect(gateway.refund('pi_nope', 'refund-5')).rejects.toThrow(/No such payment_intent/);
  });

  it('emits Stripe-signed webhooks that its own parseWebhook (and the Stripe SDK) verify', async () => {
    const gateway = new TestGateway();
    const paid = await gateway.charge(request({ orderId: 'ord_42', amountCents: 2500 }));
    await gateway.charge(request({ orderId: 'ord_43', paymentMethod: 'pm_card_chargeDeclined' }));
    if (paid.status !== 'succeeded') throw new Error('expected success');
    await gateway.refund(paid.paymentIntentId, 'r1');

    const hooks = gateway.takeWebhooks();
    expect(hooks.map((h) => h.type)).toEqual([
      'payment_intent.succeeded',
      'payment_intent.payment_failed',
      'charge.refunded',
    ]);
    const events = hooks.map((h) => gateway.parseWebhook(h.rawBody, h.signature));
    expect(events[0]).toMatchObject({
      type: 'payment_succeeded',
      paymentIntentId: paid.paymentIntentId,
      orderId: 'ord_42',
    });
    expect(events[1]).toMatchObject({
      type: 'payment_failed',
      orderId: 'ord_43',
      message: 'Your card was declined.',
    });
    expect(events[2]).toMatchObject({
      type: 'refunded',
      paymentIntentId: paid.paymentIntentId,
      amountCents: 2500,
    });
    expect(gateway.takeWebhooks()).toEqual([]);

    // The signature is Stripe's scheme: the SDK itself accepts it.
    const first = hooks[0]!;
    expect(
      Stripe.webhooks.constructEvent(first.rawBody, first.signature, TEST_GATEWAY_WEBHOOK_SECRET).type,
    ).toBe('payment_intent.succeeded');
  });

  it('rejects unsigned, wrongly signed and tampered webhooks', async () => {
    const gateway = new TestGateway();
    await gateway.charge(request());
    const [hook] = gateway.takeWebhooks();
    if (!hook) throw new Error('expected a webhook');
    expect(() => gateway.parseWebhook(hook.rawBody, undefined)).toThrow(/Missing Stripe-Signature/);
    const forged = Stripe.webhooks.generateTestHeaderString({
      payload: hook.rawBody.toString(),
      secret: 'whsec_other',
    });
    expect(() => gateway.parseWebhook(hook.rawBody, forged)).toThrow(/Invalid Stripe webhook/);
    const tampered = Buffer.from(hook.rawBody.toString().replace('"amount":4599', '"amount":1'));
    expect(() => gateway.parseWebhook(tampered, hook.signature)).toThrow(/Invalid Stripe webhook/);
  });
});
