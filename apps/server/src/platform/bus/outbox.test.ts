import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';
import type { EventBus, EventEnvelope } from './events.ts';
import { appendEvent, OutboxRelay, subscribeOnce } from './outbox.ts';

const until = async (check: () => boolean, timeoutMs = 10_000) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 25));
  return check();
};

/** A bus that dies after `survive` publishes: the message is out, but the relay never hears back. */
function dyingAfter(bus: EventBus, survive: number): EventBus {
  let published = 0;
  return {
    kind: bus.kind,
    subscribe: bus.subscribe.bind(bus),
    ping: bus.ping.bind(bus),
    close: async () => {},
    publish: async (event) => {
      await bus.publish(event);
      if (++published > survive) throw new Error('relay process killed');
    },
  };
}

describe(`transactional outbox`, () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
    await t.platform.database.db.execute(
      sql`create table if not exists public.outbox_test_notes (id serial primary key, body text)`,
    );
  });
  afterAll(() => t.cleanup());

  it('writes the event exactly when the change commits', async () => {
    const { db } = t.platform.database;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into public.outbox_test_notes (body) values ('kept')`);
      await appendEvent(tx, { eventType: 'user_registered', userId: null, metadata: { name: 'kept' } });
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into public.outbox_test_notes (body) values ('rolled back')`);
        await appendEvent(tx, {
          eventType: 'user_registered',
          userId: null,
          metadata: { name: 'rolled back' },
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const rows = await db.execute<{ body: string }>(
      sql`select envelope->'metadata'->>'name' as body from platform.outbox where event_type = 'user_registered'`,
    );
    expect(rows.rows.map((r) => r.body)).toEqual(['kept']);
  });

  it(`delivers exactly once to an idempotent consumer when the relay dies half-way (${process.env.NATS_URL ? 'NATS JetStream' : 'in-process'})`, async () => {
    const { db } = t.platform.database;
    const seen = new Map<string, number>();
    await subscribeOnce(db, t.platform.bus, 'outbox-test-consumer', ['order_created'], async (event) => {
      seen.set(event.eventId, (seen.get(event.eventId) ?? 0) + 1);
    });

    const written: EventEnvelope[] = [];
    for (let i = 0; i < 6; i++) {
      written.push(
        await db.transaction((tx) =>
          appendEvent(tx, {
            eventType: 'order_created',
            userId: null,
            orderId: `o-${i}`,
            metadata: { totalCents: i, currency: 'usd', country: 'US' },
          }),
        ),
      );
    }

    const dying = new OutboxRelay(db, dyingAfter(t.platform.bus, 2), t.platform.logger, { pollMs: 10 });
    await expect(dying.drainOnce()).rejects.toThrow('relay process killed');
    await dying.stop();
    const marked = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from platform.outbox where published_at is not null`,
    );
    expect(Number(marked.rows[0]!.n)).toBe(2); // the third went out but was never marked

    const fresh = new OutboxRelay(db, t.platform.bus, t.platform.logger, { pollMs: 10 });
    await fresh.flush();
    await fresh.stop();

    expect(await until(() => seen.size === written.length)).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // give any duplicate time to arrive
    expect([...seen.keys()].sort()).toEqual(written.map((e) => e.eventId).sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);

    const pending = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from platform.outbox where published_at is null`,
    );
    expect(Number(pending.rows[0]!.n)).toBe(0);
  });

  it('redelivers an event whose consumer failed, until it succeeds once', async () => {
    const { db } = t.platform.database;
    let failures = 0;
    let handled = 0;
    await subscribeOnce(db, t.platform.bus, 'flaky-consumer', ['design_liked'], async () => {
      if (failures < 2) {
        failures++;
        throw new Error('downstream not ready');
      }
      handled++;
    });
    await db.transaction((tx) =>
      appendEvent(tx, {
        eventType: 'design_liked',
        userId: null,
        designId: 'd-1',
        metadata: { liked: true, ownerId: 'u-1' },
      }),
    );
    const relay = new OutboxRelay(db, t.platform.bus, t.platform.logger, { pollMs: 20 });
    relay.start();
    expect(await until(() => handled === 1, 15_000)).toBe(true);
    await relay.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(handled).toBe(1);
    expect(failures).toBe(2);
  });
});
