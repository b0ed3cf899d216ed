import { eventsWithoutConsumer, eventTypes } from '@btb/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { envelopeOf, type NewEvent } from './events.ts';
import { appendEvent, subscribeOnce } from './outbox.ts';

describe('typed events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has a consumer for every event type, or marks it as published for outside subscribers only', () => {
    const consumed = new Set([...t.platform.consumers.values()].flat());
    const unconsumed = new Set<string>(eventsWithoutConsumer);
    for (const type of eventTypes) {
      expect(consumed.has(type) || unconsumed.has(type), `${type} has no consumer and no mark`).toBe(true);
      expect(consumed.has(type) && unconsumed.has(type), `${type} is consumed but marked unconsumed`).toBe(
        false,
      );
    }
  });

  it('refuses to write an event whose payload does not match its type', async () => {
    const drifted = {
      eventType: 'order_paid',
      userId: null,
      orderId: 'o-1',
      metadata: { totalCents: '12.50', currency: 'usd' },
    };
    // @ts-expect-error a string amount is a compile-time error for producers...
    const typed: NewEvent = drifted;
    // ...and a run-time one, before anything reaches the outbox.
    expect(() => envelopeOf(typed)).toThrow(/totalCents/);
    await expect(t.platform.database.db.transaction((tx) => appendEvent(tx, typed))).rejects.toThrow();
    const rows = await t.platform.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from platform.outbox where aggregate_id = 'o-1'`,
    );
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('hands a consumer only events that match their schema, typed by event type', async () => {
    const { db } = t.platform.database;
    const seen: number[] = [];
    await subscribeOnce(db, t.platform.bus, 'typed-events-test', ['payment_refunded'], async (event) => {
      // Typed: amountCents is a number here without a cast.
      seen.push(event.metadata.amountCents);
    });
    const good = envelopeOf({
      eventType: 'payment_refunded',
      userId: null,
      orderId: 'o-2',
      metadata: { amountCents: 2500, currency: 'usd', refundId: 're_1' },
    });
    // A producer outside this codebase (or an older version) put a payload on the bus that drifted.
    const drifted = {
      ...good,
      eventId: crypto.randomUUID(),
      metadata: { amount: 2500 },
    } as unknown as typeof good;
    await t.platform.bus.publish(drifted);
    await t.platform.bus.publish(good);
    const deadline = Date.now() + 10_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([2500]);
  });
});
