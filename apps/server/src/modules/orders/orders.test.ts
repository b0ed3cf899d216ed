import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Session, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getOrder, itemFor, pay, placeOrder, readyDesign, usAddress } from './testing/commerce-fixtures.ts';

describe('from design to box, through the API', () => {
  let t: TestApp;
  let buyer: Session;
  let designId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { SIMULATOR_STEP_MS: '200', JOBS_POLL_MS: '50' } });
    buyer = await signUp(t.app, 'Buyer');
    designId = (await readyDesign(t.app, buyer)).id;
  }, 60_000);
  afterAll(() => t.close());

  it('shows the design on products as PNG mockups, cached in storage', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/designs/${designId}/mockups/tshirt-unisex`,
      headers: buyer.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(800);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/designs/${designId}/mockups/tshirt-unisex`,
      headers: buyer.auth,
    });
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
    // Another side, colour and width: a file of its own.
    const back = await t.app.inject({
      method: 'GET',
      url: `/api/designs/${designId}/mockups/hoodie-unisex?view=back&color=Black&size=400`,
      headers: buyer.auth,
    });
    expect(back.statusCode).toBe(200);
    expect((await sharp(back.rawPayload).metadata()).width).toBe(400);
    for (const product of ['hoodie-unisex', 'dress-skater', 'leggings-aop', 'tote-aop']) {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/designs/${designId}/mockups/${product}`,
        headers: buyer.auth,
      });
      expect(r.statusCode, product).toBe(200);
    }
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/designs/${designId}/mockups/spacesuit`,
      headers: buyer.auth,
    });
    expect(unknown.statusCode).toBe(404);
    // A private design's mockups are as private as the design.
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/designs/${designId}/mockups/tshirt-unisex`,
    });
    expect(anonymous.statusCode).toBe(404);
  }, 30_000);

  it('orders two products, pays with pm_card_visa and follows the order to delivered, notified at each step', async () => {
    const items = [
      await itemFor(t.app, designId, 'tshirt-unisex', 2),
      await itemFor(t.app, designId, 'tote-aop'),
    ];
    const created = await placeOrder(t.app, buyer, items);
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({
      status: 'pending_payment',
      currency: 'usd',
      subtotalCents: 2 * 2400 + 2800,
      shippingCents: 499 + 2 * 150,
      taxCents: 0,
      totalCents: 2 * 2400 + 2800 + 799,
      shippingAddress: usAddress,
      destination: null,
    });
    expect(order.items).toHaveLength(2);
    expect(order.history).toEqual([expect.objectContaining({ from: null, to: 'pending_payment' })]);

    const paid = await pay(t.app, buyer, order.id);
    expect(paid.statusCode).toBe(200);
    expect(paid.json().payment.status).toBe('succeeded');
    expect(paid.json().order.status).toBe('paid');

    // Paying again never charges twice.
    const again = await pay(t.app, buyer, order.id);
    expect(again.statusCode).toBe(422);

    expect(
      await until(async () => (await getOrder(t.app, buyer, order.id)).status === 'delivered', 30_000),
    ).toBe(true);
    const delivered = await getOrder(t.app, buyer, order.id);
    expect(delivered.history.map((h) => h.to)).toEqual([
      'pending_payment',
      'paid',
      'submitted',
      'in_production',
      'shipped',
      'delivered',
    ]);
    expect(delivered.tracking).toMatchObject({
      carrier: 'USPS',
      trackingNumber: expect.stringMatching(/^9400\d{18}$/),
    });
    expect(delivered.items[0]!.printFileUrl).toMatch(
      /^http:\/\/localhost(:\d+)?\/files\/designs\/.+\/print\/tshirt-unisex-front\.png$/,
    );

    // The print file is there, at full size.
    const printPath = new URL(delivered.items[0]!.printFileUrl!).pathname;
    const file = await t.app.inject({ method: 'GET', url: printPath });
    expect(file.statusCode).toBe(200);
    const meta = await sharp(file.rawPayload).metadata();
    expect([meta.width, meta.height, meta.density]).toEqual([1800, 2400, 150]);

    const types = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/notifications?limit=50',
        headers: buyer.auth,
      });
      return (res.json().items as { type: string }[]).map((n) => n.type);
    };
    expect(await until(async () => (await types()).includes('order_delivered'), 10_000)).toBe(true);
    expect(await types()).toEqual(
      expect.arrayContaining([
        'design_ready',
        'order_paid',
        'order_submitted',
        'order_in_production',
        'order_shipped',
        'order_delivered',
      ]),
    );
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/notifications?limit=50',
      headers: buyer.auth,
    });
    const shipped = (list.json().items as { type: string; body: string }[]).find(
      (n) => n.type === 'order_shipped',
    );
    expect(shipped!.body).toContain(delivered.tracking!.trackingNumber);
  }, 60_000);

  it('a declined card leaves the order in payment_failed, and it can be paid again', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tshirt-unisex')])).json();
    const declined = await pay(t.app, buyer, order.id, 'pm_card_chargeDeclined');
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({
      payment: { status: 'failed', message: 'Your card was declined.' },
      order: { status: 'payment_failed' },
    });
    const declinedAgain = await pay(t.app, buyer, order.id, 'pm_card_chargeDeclined');
    expect(declinedAgain.json().order.status).toBe('payment_failed');
    const retried = await pay(t.app, buyer, order.id, 'pm_card_visa');
    expect(retried.json()).toMatchObject({ payment: { status: 'succeeded' }, order: { status: 'paid' } });
    expect(
      await until(async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/notifications?limit=50',
          headers: buyer.auth,
        });
        return (res.json().items as { type: string }[]).some((n) => n.type === 'payment_failed');
      }),
    ).toBe(true);
  });

  it('a card that needs authentication returns a client secret and leaves the order payable', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    const res = await pay(t.app, buyer, order.id, 'pm_card_authenticationRequired');
    expect(res.json()).toMatchObject({
      payment: { status: 'requires_action', clientSecret: expect.stringMatching(/_secret_/) },
      order: { status: 'pending_payment' },
    });
  });

  it('cancelling before production refunds the payment', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    // Unpaid: cancelled, nothing to refund.
    const unpaid = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    const cancelledUnpaid = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${unpaid.id}/cancel`,
      headers: buyer.auth,
    });
    expect(cancelledUnpaid.json()).toMatchObject({ status: 'cancelled', refundedCents: 0 });

    await t.platform.jobs.stop(); // hold manufacturing so the order is still before production
    try {
      expect((await pay(t.app, buyer, order.id)).json().order.status).toBe('paid');
      const cancelled = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/cancel`,
        headers: buyer.auth,
      });
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json().status).toBe('cancelled');
      expect(cancelled.json().history.at(-1).reason).toMatch(/refunded/);
    } finally {
      t.platform.jobs.start();
    }
    expect(
      await until(async () => (await getOrder(t.app, buyer, order.id)).refundedCents === order.totalCents),
    ).toBe(true);
    // Cancelling twice is an invalid state, and paying a cancelled order too.
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/cancel`,
      headers: buyer.auth,
    });
    expect(twice.statusCode).toBe(422);
    expect((await pay(t.app, buyer, order.id)).statusCode).toBe(422);
  }, 30_000);

  it('an order in production can no longer be cancelled', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    await pay(t.app, buyer, order.id);
    expect(
      await until(async () =>
        ['in_production', 'shipped', 'delivered'].includes((await getOrder(t.app, buyer, order.id)).status),
      ),
    ).toBe(true);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/cancel`,
      headers: buyer.auth,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('invalid_state');
  }, 30_000);

  it('the same Idempotency-Key never creates two orders, even concurrently; a different body is 409', async () => {
    const items = [await itemFor(t.app, designId, 'tshirt-unisex')];
    const headers = { 'idempotency-key': `checkout-${Date.now()}` };
    const first = await placeOrder(t.app, buyer, items, { headers });
    const replay = await placeOrder(t.app, buyer, items, { headers });
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);

    const different = await placeOrder(t.app, buyer, [{ ...items[0]!, quantity: 3 }], { headers });
    expect(different.statusCode).toBe(409);
    expect(different.json().code).toBe('conflict');

    const concurrentKey = { 'idempotency-key': `concurrent-${Date.now()}` };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => placeOrder(t.app, buyer, items, { headers: concurrentKey })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
  });

  it('validates items and the address', async () => {
    const item = await itemFor(t.app, designId, 'tshirt-unisex');
    const wrongVariant = await placeOrder(t.app, buyer, [
      { ...item, variantId: 'tote-aop-black-handles-15-15' },
    ]);
    expect(wrongVariant.statusCode).toBe(400);
    expect(wrongVariant.json().details[0].path).toBe('items.0.variantId');
    const tooMany = await placeOrder(t.app, buyer, [{ ...item, quantity: 101 }]);
    expect(tooMany.statusCode).toBe(400);
    const badCountry = await placeOrder(t.app, buyer, [item], { address: { ...usAddress, country: 'USA' } });
    expect(badCountry.statusCode).toBe(400);
    const unknownDesign = await placeOrder(t.app, buyer, [{ ...item, designId: crypto.randomUUID() }]);
    expect(unknownDesign.statusCode).toBe(400);
    const eu = await placeOrder(t.app, buyer, [item], {
      address: { ...usAddress, country: 'de', postalCode: '10115', city: 'Berlin' },
    });
    expect(eu.json()).toMatchObject({ shippingCents: 1099, taxCents: Math.round((2400 + 1099) * 0.2) });
  });

  it('stores a placed print’s placement and an all-over repeat on the order line, and shows them in the mockup', async () => {
    const placement = { x: 300, y: 600, width: 900 };
    const repeat = { scale: 50, rotation: 90 };
    const res = await placeOrder(t.app, buyer, [
      { ...(await itemFor(t.app, designId, 'tshirt-unisex')), placement },
      { ...(await itemFor(t.app, designId, 'tote-aop')), repeat },
    ]);
    expect(res.statusCode).toBe(201);
    const stored = await getOrder(t.app, buyer, res.json().id);
    expect(stored.items[0]).toMatchObject({ productId: 'tshirt-unisex', placement, effectiveDpi: 300 });
    expect(stored.items[0]!.repeat).toBeUndefined();
    expect(stored.items[1]).toMatchObject({ productId: 'tote-aop', repeat, effectiveDpi: 300 });

    const mockup = (query: string, productId = 'tshirt-unisex') =>
      t.app.inject({
        method: 'GET',
        url: `/api/designs/${designId}/mockups/${productId}${query}`,
        headers: buyer.auth,
      });
    const plain = await mockup('');
    const moved = await mockup('?x=300&y=600&width=900');
    expect(moved.statusCode).toBe(200);
    expect(moved.rawPayload.equals(plain.rawPayload)).toBe(false);
    const turned = await mockup('?scale=50&rotation=90', 'tote-aop');
    expect(turned.statusCode).toBe(200);
    expect(turned.rawPayload.equals((await mockup('', 'tote-aop')).rawPayload)).toBe(false);
  }, 30_000);

  it('refuses a placement outside the print area, or the wrong kind of choice for the product (400)', async () => {
    const shirt = await itemFor(t.app, designId, 'tshirt-unisex');
    const tote = await itemFor(t.app, designId, 'tote-aop');
    const refused = async (item: Parameters<typeof placeOrder>[2][number]) => {
      const res = await placeOrder(t.app, buyer, [item]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', error: expect.any(String) });
      return res.json().details.map((d: { path: string }) => d.path);
    };
    expect(await refused({ ...shirt, placement: { x: 1000, y: 0, width: 900 } })).toEqual([
      'items.0.placement.x',
    ]);
    expect(await refused({ ...shirt, placement: { x: 0, y: 1500, width: 1200 } })).toEqual([
      'items.0.placement.y',
    ]);
    expect(await refused({ ...shirt, placement: { x: 0, y: 0, width: 100 } })).toEqual([
      'items.0.placement.width',
    ]);
    expect(await refused({ ...shirt, placement: { x: -5, y: 0, width: 900 } })).toEqual([
      'items.0.placement.x',
    ]);
    expect(await refused({ ...shirt, repeat: { scale: 100, rotation: 0 } })).toEqual(['items.0.repeat']);
    expect(await refused({ ...tote, placement: { x: 0, y: 0, width: 900 } })).toEqual(['items.0.placement']);
    expect(await refused({ ...tote, repeat: { scale: 201, rotation: 0 } })).toEqual(['items.0.repeat.scale']);
    expect(await refused({ ...tote, repeat: { scale: 100, rotation: 360 } })).toEqual([
      'items.0.repeat.rotation',
    ]);

    const mockup = (productId: string, query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/designs/${designId}/mockups/${productId}${query}`,
        headers: buyer.auth,
      });
    for (const [productId, query] of [
      ['tshirt-unisex', '?x=1700&y=0&width=900'],
      ['tshirt-unisex', '?x=10'],
      ['tshirt-unisex', '?scale=80'],
      ['tote-aop', '?scale=20'],
      ['tote-aop', '?x=0&y=0&width=900'],
      ['dress-skater', '?view=back'],
      ['tshirt-unisex', '?color=Mauve'],
      ['tshirt-unisex', '?size=999'],
    ] as const) {
      const res = await mockup(productId, query);
      expect(res.statusCode, `${productId}${query}`).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it('another user cannot see or act on someone else’s order', async () => {
    const order = (await placeOrder(t.app, buyer, [await itemFor(t.app, designId, 'tote-aop')])).json();
    const stranger = await signUp(t.app, 'Stranger');
    for (const [method, url, payload] of [
      ['GET', `/api/orders/${order.id}`, undefined],
      ['POST', `/api/orders/${order.id}/pay`, { paymentMethod: 'pm_card_visa' }],
      ['POST', `/api/orders/${order.id}/cancel`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: stranger.auth, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const theirs = await t.app.inject({ method: 'GET', url: '/api/orders', headers: stranger.auth });
    expect(theirs.json().items).toEqual([]);
    // And the private design cannot be ordered by them either.
    const res = await placeOrder(t.app, stranger, [await itemFor(t.app, designId, 'tote-aop')]);
    expect(res.statusCode).toBe(400);
    expect((await getOrder(t.app, buyer, order.id)).status).toBe('pending_payment');
  });

  it('lists own orders newest first with keyset pagination', async () => {
    const shopper = await signUp(t.app, 'Shopper');
    const design = await readyDesign(t.app, shopper);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await placeOrder(t.app, shopper, [await itemFor(t.app, design.id, 'tote-aop')])).json().id);
    }
    const first = (
      await t.app.inject({ method: 'GET', url: '/api/orders?limit=2', headers: shopper.auth })
    ).json();
    expect(first.items.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/orders?limit=2&cursor=${first.nextCursor}`,
        headers: shopper.auth,
      })
    ).json();
    expect(second.items.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  }, 30_000);
});
