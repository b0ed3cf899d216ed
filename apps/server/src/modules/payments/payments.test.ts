import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Session, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getOrder, itemFor, pay, placeOrder, readyDesign } from '../orders/testing/commerce-fixtures.ts';
import { TEST_GATEWAY_WEBHOOK_SECRET } from './providers/test-gateway.ts';
import { payments } from './tables.ts';

let eventCounter = 0;

/** A Stripe event as Stripe sends it, signed with the SDK's own test helper. */
function stripeEvent(type: string, object: Record<string, unknown>, secret = TEST_GATEWAY_WEBHOOK_SECRET) {
  const payload = JSON.stringify({
    id: `evt_test_${Date.now()}_${++eventCounter}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    type,
    data: { object },
  });
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

const intent = (id: string, orderId: string, status: string, amount: number) => ({
  id,
  object: 'payment_intent',
  amount,
  currency: 'usd',
  status,
  metadata: { orderId },
  last_payment_error: status === 'requires_payment_method' ? { message: 'Authentication failed.' } : null,
});

describe('payments', () => {
  let t: TestApp;
  let buyer: Session;
  let designId: string;

  const deliver = (payload: string, signature: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      payload,
    });

  /** An order whose payment waits for 3-D Secure, and its PaymentIntent id. */
  async function awaitingAuthentication() {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    const res = (await pay(t.app, buyer, order.id, 'pm_card_authenticationRequired')).json();
    const paymentIntentId = res.payment.clientSecret.split('_secret_')[0] as string;
    return { order, paymentIntentId };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { SIMULATOR_STEP_MS: '60000', JOBS_POLL_MS: '50' } });
    buyer = await signUp(t.app, 'Payer');
    designId = (await readyDesign(t.app, buyer)).id;
  }, 60_000);
  afterAll(() => t.close());

  it('a verified payment_intent.succeeded webhook pays the order; a replay changes nothing', async () => {
    const { order, paymentIntentId } = await awaitingAuthentication();
    const event = stripeEvent(
      'payment_intent.succeeded',
      intent(paymentIntentId, order.id, 'succeeded', order.totalCents),
    );
    const first = await deliver(event.payload, event.signature);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    const paid = await getOrder(t.app, buyer, order.id);
    expect(paid.status).toBe('paid');

    const replay = await deliver(event.payload, event.signature);
    expect(replay.json()).toEqual({ received: true, duplicate: true });
    const after = await getOrder(t.app, buyer, order.id);
    expect(after.history).toEqual(paid.history);
    expect(after.updatedAt).toBe(paid.updatedAt);

    // The same news in a different event (Stripe may send both) is not a second payment either.
    const again = stripeEvent(
      'payment_intent.succeeded',
      intent(paymentIntentId, order.id, 'succeeded', order.totalCents),
    );
    expect((await deliver(again.payload, again.signature)).statusCode).toBe(200);
    expect((await getOrder(t.app, buyer, order.id)).history).toEqual(paid.history);
  });

  it('a webhook with a bad signature is 400 and changes nothing', async () => {
    const { order, paymentIntentId } = await awaitingAuthentication();
    const forged = stripeEvent(
      'payment_intent.succeeded',
      intent(paymentIntentId, order.id, 'succeeded', order.totalCents),
      'whsec_not_ours',
    );
    const res = await deliver(forged.payload, forged.signature);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks/stripe',
      headers: { 'content-type': 'application/json' },
      payload: forged.payload,
    });
    expect(missing.statusCode).toBe(400);
    // Re-serialised JSON (what a JSON body parser would hand on) no longer matches the signature.
    const genuine = stripeEvent(
      'payment_intent.succeeded',
      intent(paymentIntentId, order.id, 'succeeded', 1),
    );
    const reformatted = JSON.stringify(JSON.parse(genuine.payload), null, 2);
    expect((await deliver(reformatted, genuine.signature)).statusCode).toBe(400);
    expect((await getOrder(t.app, buyer, order.id)).status).toBe('pending_payment');
  });

  it('a failed authentication webhook moves the order to payment_failed; it stays payable', async () => {
    const { order, paymentIntentId } = await awaitingAuthentication();
    const event = stripeEvent(
      'payment_intent.payment_failed',
      intent(paymentIntentId, order.id, 'requires_payment_method', order.totalCents),
    );
    expect((await deliver(event.payload, event.signature)).statusCode).toBe(200);
    expect((await getOrder(t.app, buyer, order.id)).status).toBe('payment_failed');
    expect((await pay(t.app, buyer, order.id)).json().order.status).toBe('paid');
  });

  it('charge.refunded is recorded on the order', async () => {
    const { order, paymentIntentId } = await awaitingAuthentication();
    const paid = stripeEvent(
      'payment_intent.succeeded',
      intent(paymentIntentId, order.id, 'succeeded', order.totalCents),
    );
    await deliver(paid.payload, paid.signature);
    const refunded = stripeEvent('charge.refunded', {
      id: 'ch_test_1',
      object: 'charge',
      amount: order.totalCents,
      amount_refunded: 500,
      currency: 'usd',
      payment_intent: paymentIntentId,
      metadata: { orderId: order.id },
    });
    expect((await deliver(refunded.payload, refunded.signature)).statusCode).toBe(200);
    expect((await getOrder(t.app, buyer, order.id)).refundedCents).toBe(500);
  });

  it('concurrent pays charge once', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    const results = await Promise.all(Array.from({ length: 6 }, () => pay(t.app, buyer, order.id)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.every((c) => c === 200 || c === 409 || c === 422)).toBe(true);
    const rows = await t.platform.database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'succeeded', idempotencyKey: `order:${order.id}:attempt:1` });
  });

  it('declined attempts each get their own idempotency key', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    await pay(t.app, buyer, order.id, 'pm_card_chargeDeclined');
    await pay(t.app, buyer, order.id, 'pm_card_visa');
    const rows = await t.platform.database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows.map((r) => [r.attempt, r.status, r.idempotencyKey]).sort()).toEqual([
      [1, 'failed', `order:${order.id}:attempt:1`],
      [2, 'succeeded', `order:${order.id}:attempt:2`],
    ]);
    // And the paid order goes on to manufacturing.
    expect(await until(async () => (await getOrder(t.app, buyer, order.id)).status === 'submitted')).toBe(
      true,
    );
  });
});
