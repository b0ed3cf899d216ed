import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Session, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getOrder, itemFor, pay, placeOrder, readyDesign } from '../orders/testing/commerce-fixtures.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../platform/testing/fake-http-server.ts';
import { TEST_GATEWAY_WEBHOOK_SECRET } from './providers/test-gateway.ts';
import { STRIPE_TEST_SECRET_KEY, STRIPE_TEST_WEBHOOK_SECRET, stripeApi } from './testing/stripe-api.ts';
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

/** An order's history up to and including its payment: what paying may write (fulfilment may go on). */
const paymentPart = (history: { to: string }[]) =>
  history.slice(0, history.findIndex((h) => h.to === 'paid') + 1);

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
    expect(paymentPart(after.history)).toEqual(paymentPart(paid.history));
    expect(after.history.filter((h) => h.to === 'paid')).toHaveLength(1);

    // The same news in a different event (Stripe may send both) is not a second payment either.
    const again = stripeEvent(
      'payment_intent.succeeded',
      intent(paymentIntentId, order.id, 'succeeded', order.totalCents),
    );
    expect((await deliver(again.payload, again.signature)).statusCode).toBe(200);
    const last = await getOrder(t.app, buyer, order.id);
    expect(paymentPart(last.history)).toEqual(paymentPart(paid.history));
    expect(last.history.filter((h) => h.to === 'paid')).toHaveLength(1);
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

  describe('3-D Secure confirmation with the test bank page', () => {
    const confirm = (orderId: string, body: Record<string, unknown> = {}, session = buyer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orders/${orderId}/pay/confirm`,
        headers: session.auth,
        payload: body,
      });
    const answerBank = (url: string, decision: 'complete' | 'fail', returnUrl?: string) => {
      const page = new URL(url, 'http://localhost:8080');
      return t.app.inject({
        method: 'POST',
        url: page.pathname,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          decision,
          return_url: returnUrl ?? page.searchParams.get('return_url') ?? '',
        }).toString(),
      });
    };

    async function redirectedToBank() {
      const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
      const res = (await pay(t.app, buyer, order.id, 'pm_card_authenticationRequired')).json();
      expect(res).toMatchObject({
        order: { status: 'pending_payment' },
        payment: {
          status: 'requires_action',
          message: expect.any(String),
          clientSecret: expect.stringMatching(/_secret_/),
          nextAction: {
            type: 'redirect_to_url',
            url: expect.stringMatching(/^\/api\/payments\/test-bank\/pi_/),
          },
        },
      });
      const url: string = res.payment.nextAction.url;
      const paymentIntentId = new URL(url, 'http://x').pathname.split('/').pop() as string;
      return { order, url, paymentIntentId };
    }

    it('pay → bank page → complete → confirm: the order is paid; confirming again or a late webhook changes nothing', async () => {
      const { order, url, paymentIntentId } = await redirectedToBank();
      // Back to the order's checkout, on this app.
      expect(new URL(url, 'http://x').searchParams.get('return_url')).toBe(
        `http://localhost:8080/orders/${order.id}/checkout`,
      );
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain(
        `Test bank — confirm payment of ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(order.totalCents / 100)} to Boutique-To-Box`,
      );
      expect(page.body).toContain('Complete authentication');
      expect(page.body).toContain('Fail authentication');
      // Not confirmed yet: the answer still says where to go.
      expect((await confirm(order.id)).json().payment).toMatchObject({
        status: 'requires_action',
        nextAction: { type: 'redirect_to_url', url },
      });

      const answered = await answerBank(url, 'complete');
      expect(answered.statusCode).toBe(303);
      const back = new URL(answered.headers.location as string, 'http://x');
      expect(back.pathname).toBe(`/orders/${order.id}/checkout`);
      expect(back.searchParams.get('payment_intent')).toBe(paymentIntentId);
      expect(back.searchParams.get('redirect_status')).toBe('succeeded');

      const confirmed = await confirm(order.id, { paymentIntent: paymentIntentId });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toMatchObject({ payment: { status: 'succeeded' }, order: { status: 'paid' } });
      const paid = await getOrder(t.app, buyer, order.id);

      const again = await confirm(order.id, { paymentIntent: paymentIntentId });
      expect(again.json()).toMatchObject({ payment: { status: 'succeeded' } });
      const event = stripeEvent(
        'payment_intent.succeeded',
        intent(paymentIntentId, order.id, 'succeeded', order.totalCents),
      );
      expect((await deliver(event.payload, event.signature)).statusCode).toBe(200);
      const after = await getOrder(t.app, buyer, order.id);
      // Fulfilment may move the paid order on meanwhile; the payment's part of its history stays.
      expect(paymentPart(after.history)).toEqual(paymentPart(paid.history));
      expect(after.history.filter((h: { to: string }) => h.to === 'paid')).toHaveLength(1);
      const rows = await t.platform.database.db.select().from(payments).where(eq(payments.orderId, order.id));
      expect(rows.map((r) => r.status)).toEqual(['succeeded']);
      // A second post of the bank's form (a double click) changes nothing either.
      expect((await answerBank(url, 'fail')).headers.location).toContain('redirect_status=succeeded');
      expect(paymentPart((await getOrder(t.app, buyer, order.id)).history)).toEqual(
        paymentPart(paid.history),
      );
    });

    it('a failed authentication leaves the order payable with another card', async () => {
      const { order, url, paymentIntentId } = await redirectedToBank();
      const answered = await answerBank(url, 'fail');
      expect(answered.headers.location).toContain('redirect_status=failed');
      const confirmed = await confirm(order.id, { paymentIntent: paymentIntentId });
      expect(confirmed.json()).toMatchObject({
        payment: { status: 'failed', message: 'We are unable to authenticate your payment method.' },
        order: { status: 'payment_failed' },
      });
      expect((await confirm(order.id)).json().payment.status).toBe('failed');
      // The gateway's own webhook, later, says the same: nothing more happens.
      const failed = stripeEvent(
        'payment_intent.payment_failed',
        intent(paymentIntentId, order.id, 'requires_payment_method', order.totalCents),
      );
      await deliver(failed.payload, failed.signature);
      expect((await getOrder(t.app, buyer, order.id)).history.map((h) => h.to)).toEqual([
        'pending_payment',
        'payment_failed',
      ]);
      expect((await pay(t.app, buyer, order.id, 'pm_card_visa')).json()).toMatchObject({
        payment: { status: 'succeeded' },
        order: { status: 'paid' },
      });
    });

    it('the bank page refuses a return URL off this app (400) and changes nothing', async () => {
      const { order, url } = await redirectedToBank();
      const pathname = new URL(url, 'http://x').pathname;
      for (const bad of [
        'https://evil.example/orders',
        '//evil.example/orders',
        '/\\evil.example/orders',
        'javascript:alert(1)',
        'http://localhost:8080//evil.example/x',
        'http://localhost:9999/orders',
      ]) {
        const page = await t.app.inject({
          method: 'GET',
          url: `${pathname}?return_url=${encodeURIComponent(bad)}`,
        });
        expect(page.statusCode, bad).toBe(400);
        expect(page.json().code).toBe('bad_request');
        const posted = await answerBank(url, 'complete', bad);
        expect(posted.statusCode, bad).toBe(400);
      }
      // A relative path of this app is fine.
      const relative = await answerBank(url, 'fail', `/orders/${order.id}/checkout`);
      expect(relative.statusCode).toBe(303);
      expect(relative.headers.location).toMatch(
        new RegExp(`^/orders/${order.id}/checkout\\?payment_intent=`),
      );
      const unknown = await t.app.inject({
        method: 'GET',
        url: `/api/payments/test-bank/pi_test_unknown?return_url=%2F`,
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('confirm: another buyer is 404, an order without payments 422, an unknown intent 404, no session 401', async () => {
      const { order } = await redirectedToBank();
      const stranger = await signUp(t.app, 'Stranger');
      expect((await confirm(order.id, {}, stranger)).statusCode).toBe(404);
      expect((await confirm(order.id, { paymentIntent: 'pi_test_elsewhere' })).statusCode).toBe(404);
      const unpaid = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
      const none = await confirm(unpaid.id);
      expect(none.statusCode).toBe(422);
      expect(none.json()).toMatchObject({ code: 'invalid_state', error: expect.any(String) });
      const anonymous = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/pay/confirm`,
        payload: {},
      });
      expect(anonymous.statusCode).toBe(401);
    });
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

describe('3-D Secure confirmation with Stripe (its wire format, locally)', () => {
  let t: TestApp;
  let server: FakeHttpServer;
  let stripe: ReturnType<typeof stripeApi>;
  let buyer: Session;
  let designId: string;

  beforeAll(async () => {
    server = await startFakeHttpServer();
    stripe = stripeApi(server);
    t = await createTestApp({
      env: {
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: STRIPE_TEST_SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
        STRIPE_API_BASE: server.url,
        SIMULATOR_STEP_MS: '60000',
        JOBS_POLL_MS: '50',
      },
    });
    buyer = await signUp(t.app, 'Stripe payer');
    designId = (await readyDesign(t.app, buyer)).id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it("sends the buyer to Stripe's redirect URL and records what Stripe says on return, once", async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    const res = (await pay(t.app, buyer, order.id, 'pm_card_authenticationRequired')).json();
    expect(res.payment).toMatchObject({
      status: 'requires_action',
      nextAction: {
        type: 'redirect_to_url',
        url: expect.stringContaining(`${server.url}/3d_secure_2/hosted?`),
      },
    });
    const [created] = server.requestsTo('POST', '/v1/payment_intents');
    expect(created?.body).toMatchObject({
      return_url: `http://localhost:8080/orders/${order.id}/checkout`,
      'payment_method_types[0]': 'card',
    });
    const paymentIntentId = new URL(res.payment.nextAction.url).searchParams.get('payment_intent') as string;
    // The test bank page belongs to the embedded gateway only.
    const bank = await t.app.inject({
      method: 'GET',
      url: `/api/payments/test-bank/${paymentIntentId}?return_url=%2F`,
    });
    expect(bank.statusCode).toBe(404);

    stripe.authenticate(paymentIntentId, true);
    const confirm = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/pay/confirm`,
        headers: buyer.auth,
        payload: { paymentIntent: paymentIntentId },
      });
    expect((await confirm()).json()).toMatchObject({
      payment: { status: 'succeeded' },
      order: { status: 'paid' },
    });
    const paid = await getOrder(t.app, buyer, order.id);
    expect((await confirm()).json().payment.status).toBe('succeeded');
    expect(paymentPart((await getOrder(t.app, buyer, order.id)).history)).toEqual(paymentPart(paid.history));
    // Recorded: a second confirmation does not ask Stripe again.
    expect(server.requestsTo('GET', `/v1/payment_intents/${paymentIntentId}`)).toHaveLength(1);
  });

  it('a Stripe outage while confirming is 503 and changes nothing (last: it leaves Stripe down)', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    const res = (await pay(t.app, buyer, order.id, 'pm_card_authenticationRequired')).json();
    const paymentIntentId = new URL(res.payment.nextAction.url).searchParams.get('payment_intent') as string;
    stripe.authenticate(paymentIntentId, true);
    server.route('GET', '/v1/payment_intents/:id', () => ({
      status: 500,
      json: { error: { type: 'api_error', message: 'Stripe is down' } },
    }));
    const down = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/pay/confirm`,
      headers: buyer.auth,
      payload: {},
    });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'service_unavailable', error: expect.any(String) });
    expect((await getOrder(t.app, buyer, order.id)).status).toBe('pending_payment');
    const rows = await t.platform.database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(rows.map((r) => r.status)).toEqual(['requires_action']);
  });
});
