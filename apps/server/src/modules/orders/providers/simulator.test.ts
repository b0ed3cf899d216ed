import { describe, expect, it } from 'vitest';
import type { FulfillmentOrder } from './fulfillment-provider.ts';
import {
  FulfillmentSimulator,
  simulatedOrderId,
  simulatedStatusAt,
  simulatedTrackingNumber,
} from './simulator.ts';

const STEP = 1000;
const order = (externalId: string, country = 'US'): FulfillmentOrder => ({
  externalId,
  shippingMethod: 'STANDARD',
  recipient: { name: 'Ada', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country },
  items: [
    {
      providerVariantId: 1,
      quantity: 1,
      retailPriceCents: 3000,
      name: 'Dress',
      files: { front: 'https://x/y.png' },
    },
  ],
});

function clock(start = Date.parse('2025-03-01T10:00:00Z')) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('simulatedStatusAt', () => {
  const submittedAt = new Date('2025-03-01T10:00:00Z');
  const at = (ms: number) =>
    simulatedStatusAt(submittedAt, new Date(submittedAt.getTime() + ms), STEP, 'ord_1');

  it('walks submitted -> in production -> shipped -> delivered by elapsed steps', () => {
    expect(at(0)).toBeNull();
    expect(at(999)).toBeNull();
    expect(at(1000)).toEqual({ kind: 'in_production', externalId: 'ord_1' });
    expect(at(2500)).toEqual({
      kind: 'shipped',
      externalId: 'ord_1',
      shipment: {
        carrier: 'USPS',
        service: 'USPS Ground Advantage',
        trackingNumber: simulatedTrackingNumber('ord_1'),
        trackingUrl: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${simulatedTrackingNumber('ord_1')}`,
        shippedAt: '2025-03-01T10:00:02.000Z',
      },
    });
    expect(at(3000)).toEqual({ kind: 'delivered', externalId: 'ord_1' });
    expect(at(10 * STEP)).toEqual({ kind: 'delivered', externalId: 'ord_1' });
  });

  it('derives realistic, stable tracking numbers per order', () => {
    expect(simulatedTrackingNumber('ord_1')).toMatch(/^9400\d{18}$/);
    expect(simulatedTrackingNumber('ord_1')).toBe(simulatedTrackingNumber('ord_1'));
    expect(simulatedTrackingNumber('ord_2')).not.toBe(simulatedTrackingNumber('ord_1'));
  });

  it('a zero step delivers at once', () => {
    expect(simulatedStatusAt(submittedAt, submittedAt, 0, 'x')).toEqual({
      kind: 'delivered',
      externalId: 'x',
    });
  });
});

describe('FulfillmentSimulator', () => {
  it('submits idempotently with an id derived from the external id', async () => {
    const c = clock();
    const sim = new FulfillmentSimulator({ stepMs: STEP, now: c.now });
    const first = await sim.submit(order('ord_1'));
    c.advance(1500);
    const again = await sim.submit(order('ord_1'));
    expect(first).toEqual({ providerOrderId: simulatedOrderId('ord_1'), status: 'pending' });
    expect(again).toEqual(first);
    expect(await new FulfillmentSimulator({ stepMs: STEP }).submit(order('ord_1'))).toEqual(first);
    // The resubmission did not restart the clock.
    expect(await sim.poll('ord_1')).toMatchObject({ kind: 'in_production' });
  });

  it('advances by time on poll', async () => {
    const c = clock();
    const sim = new FulfillmentSimulator({ stepMs: STEP, now: c.now });
    await sim.submit(order('ord_2'));
    const seen = [];
    for (let i = 0; i < 4; i++) {
      seen.push((await sim.poll('ord_2'))?.kind ?? null);
      c.advance(STEP);
    }
    expect(seen).toEqual([null, 'in_production', 'shipped', 'delivered']);
    expect(await sim.poll('unknown')).toBeNull();
  });

  it('a new instance (restart) advances an order from its stored submission time', async () => {
    const c = clock();
    const submittedAt = new Date(c.now().getTime() - 2 * STEP - 10);
    const sim = new FulfillmentSimulator({
      stepMs: STEP,
      now: c.now,
      submittedAtOf: async (id) => (id === 'ord_3' ? submittedAt : null),
    });
    expect(await sim.poll('ord_3')).toMatchObject({ kind: 'shipped' });
    c.advance(STEP);
    expect(await sim.poll('ord_3')).toEqual({ kind: 'delivered', externalId: 'ord_3' });
    expect(await sim.poll('ord_4')).toBeNull();
  });

  it('cancels before production only', async () => {
    const c = clock();
    const sim = new FulfillmentSimulator({ stepMs: STEP, now: c.now });
    await sim.submit(order('ord_5'));
    await sim.cancel('ord_5');
    c.advance(5 * STEP);
    expect(await sim.poll('ord_5')).toMatchObject({ kind: 'cancelled' });

    await sim.submit(order('ord_6'));
    c.advance(STEP);
    await expect(sim.cancel('ord_6')).rejects.toMatchObject({ retryable: false });
  });

  it('quotes STANDARD and EXPRESS by country, domestic US cheapest, extra items extra', async () => {
    const sim = new FulfillmentSimulator({ stepMs: STEP });
    const us = await sim.estimateShipping(order('a').recipient, order('a').items);
    const de = await sim.estimateShipping(order('b', 'DE').recipient, order('b').items);
    expect(us.map((r) => r.id)).toEqual(['STANDARD', 'EXPRESS']);
    expect(us[0]!.rateCents).toBeLessThan(de[0]!.rateCents);
    expect(us[0]!.rateCents).toBeLessThan(us[1]!.rateCents);
    const three = await sim.estimateShipping(order('c').recipient, [
      { ...order('c').items[0]!, quantity: 3 },
    ]);
    expect(three[0]!.rateCents).toBeGreaterThan(us[0]!.rateCents);
  });
});
