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

/** The real bus, with the relay's side of publish() changed. */
const withPublish = (bus: EventBus, publish: EventBus['publish']): EventBus => ({
  kind: bus.kind,
  subscribe: bus.subscribe.bind(bus),
  ping: bus.ping.bind(bus),
  close: async () => {},
  publish,
});

/** A bus that dies after `survive` publishes: the message is out, but the relay never hears back. */
function dyingAfter(bus: EventBus, survive: number): EventBus {
  let published = 0;
  return withPublish(bus, async (event, traceparent) => {
    await bus.publish(event, traceparent);
    if (++published > survive) throw new Error('relay process killed');
  });
}

/** Counts every publish per eventId, yielding first so that relays sharing the bus interleave. */
function counting(bus: EventBus, counts: Map<string, number>, hold?: Promise<void>): EventBus {
  return withPublish(bus, async (event, traceparent) => {
    await (hold ?? new Promise((r) => setImmediate(r)));
    counts.set(event.eventId, (counts.get(event.eventId) ?? 0) + 1);
    await bus.publish(event, traceparent);
  });
}

const pendingEvents = async (t: TestPlatform) => {
  const rows = await t.platform.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from platform.outbox where published_at is null`,
  );
  return Number(rows.rows[0]!.n);
};

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

  it('publishes each event once when several relays drain the same outbox', async () => {
    const { db } = t.platform.database;
    const written: string[] = [];
    for (let i = 0; i < 120; i++) {
      const e = await db.transaction((tx) =>
        appendEvent(tx, { eventType: 'design_viewed', userId: null, designId: `d-${i}`, metadata: {} }),
      );
      written.push(e.eventId);
    }
    const counts = new Map<string, number>();
    const relays = [1, 2, 3].map(
      () =>
        new OutboxRelay(db, counting(t.platform.bus, counts), t.platform.logger, {
          pollMs: 10,
          batchSize: 25,
        }),
    );
    await Promise.all(relays.map((r) => r.flush()));
    await Promise.all(relays.map((r) => r.stop()));
    expect([...counts.keys()].sort()).toEqual([...written].sort());
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(await pendingEvents(t)).toBe(0);
  });

  it("takes over a stalled relay's events once its lease runs out", async () => {
    const { db } = t.platform.database;
    const e = await db.transaction((tx) =>
      appendEvent(tx, { eventType: 'design_viewed', userId: null, designId: 'd-stalled', metadata: {} }),
    );
    let release = () => {};
    const stalledBus = counting(
      t.platform.bus,
      new Map(),
      new Promise<void>((r) => {
        release = r;
      }),
    );
    // This relay claims the row and then never hears back from its bus, like a frozen process.
    const stalled = new OutboxRelay(db, stalledBus, t.platform.logger, { pollMs: 10, leaseMs: 2000 });
    const stalledPass = stalled.drainOnce();
    const claimed = async () => {
      const rows = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from platform.outbox where event_id = ${e.eventId} and claimed_until > now()`,
      );
      return Number(rows.rows[0]!.n) === 1;
    };
    for (let i = 0; i < 200 && !(await claimed()); i++) await new Promise((r) => setTimeout(r, 5));

    const counts = new Map<string, number>();
    const other = new OutboxRelay(db, counting(t.platform.bus, counts), t.platform.logger, { pollMs: 10 });
    // While the lease holds, the other relay leaves the row alone...
    expect(await claimed()).toBe(true);
    expect(await other.drainOnce()).toBe(0);
    // ...and once it has run out, publishes it.
    for (let i = 0; i < 400 && !counts.has(e.eventId); i++) {
      await other.drainOnce();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(counts.get(e.eventId)).toBe(1);
    expect(await pendingEvents(t)).toBe(0);
    release();
    await stalledPass;
    await Promise.all([stalled.stop(), other.stop()]);
  });
});
