import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signUp } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getOrder, itemFor, placeOrder, readyDesign } from './testing/commerce-fixtures.ts';

/** The most SQL round trips one order creation may take (issue: orders at the database's speed). */
const MAX_ROUND_TRIPS = 5;

describe('order creation', () => {
  let t: TestApp;
  let buyer: Session;
  let designId: string;
  const scope = new AsyncLocalStorage<string[]>();
  let stopObserving: (() => void) | undefined;

  /** The statements the database received on behalf of `fn` (not those of background work meanwhile). */
  async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    const result = await scope.run(statements, fn);
    return { result, statements: [...statements] };
  }

  beforeAll(async () => {
    t = await createTestApp();
    buyer = await signUp(t.app, 'Counting buyer');
    designId = (await readyDesign(t.app, buyer)).id;
    stopObserving = t.platform.database.observeQueries((query) => scope.getStore()?.push(query));
  }, 60_000);
  afterAll(async () => {
    stopObserving?.();
    await t.close();
  });

  it(`takes at most ${MAX_ROUND_TRIPS} SQL round trips, with an idempotency key and the design not in the cache`, async () => {
    const items = [
      await itemFor(t.app, designId, 'tshirt-unisex', 2),
      await itemFor(t.app, designId, 'tote-aop', 1),
    ];
    await t.platform.cache.delete(`design:${designId}`);
    const { result, statements } = await statementsOf(() =>
      placeOrder(t.app, buyer, items, { headers: { 'idempotency-key': `count-${Date.now()}` } }),
    );
    expect(result.statusCode).toBe(201);
    expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(MAX_ROUND_TRIPS);

    // With the design page cached (the usual case at checkout), the write is the only statement.
    const warm = await statementsOf(() =>
      placeOrder(t.app, buyer, items, { headers: { 'idempotency-key': `count-warm-${Date.now()}` } }),
    );
    expect(warm.result.statusCode).toBe(201);
    expect(warm.statements.length, warm.statements.join('\n---\n')).toBe(1);
  });

  it('writes the order, its items, its first history row and its event together, and answers what it wrote', async () => {
    const items = [
      await itemFor(t.app, designId, 'tshirt-unisex', 2),
      await itemFor(t.app, designId, 'tote-aop', 1),
    ];
    const created = await placeOrder(t.app, buyer, items, {
      headers: { 'idempotency-key': `written-${Date.now()}` },
    });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({ status: 'pending_payment', refundedCents: 0, tracking: null });
    expect(
      order.items.map((i: { productId: string; quantity: number }) => [i.productId, i.quantity]),
    ).toEqual([
      ['tshirt-unisex', 2],
      ['tote-aop', 1],
    ]);
    expect(order.history).toEqual([
      { from: null, to: 'pending_payment', at: order.createdAt, reason: 'Order placed' },
    ]);
    // What a later read shows is exactly what creation answered.
    expect(await getOrder(t.app, buyer, order.id)).toEqual(order);
    const events = await t.platform.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from platform.outbox
          where event_type = 'order_created' and aggregate_id = ${order.id}`,
    );
    expect(Number(events.rows[0]!.n)).toBe(1);
    const stored = await t.platform.database.db.execute<{ destination: unknown; print_options: unknown }>(
      sql`select o.destination, i.print_options from orders.orders o
          join orders.order_items i on i.order_id = o.id where o.id = ${order.id} order by i.position`,
    );
    expect(stored.rows.map((r) => r.destination)).toEqual([null, null]);
  });

  it('a key used before writes nothing more and answers the first order', async () => {
    const items = [await itemFor(t.app, designId, 'tshirt-unisex')];
    const headers = { 'idempotency-key': `once-${Date.now()}` };
    const first = await placeOrder(t.app, buyer, items, { headers });
    const count = async () =>
      Number(
        (
          await t.platform.database.db.execute<{ n: number }>(
            sql`select count(*)::int as n from orders.orders where user_id = ${first.json().userId}`,
          )
        ).rows[0]!.n,
      );
    const before = await count();
    const again = await placeOrder(t.app, buyer, items, { headers });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before);
  });
});
