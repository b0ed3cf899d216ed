/**
 * The order ceiling: bare Fastify + pg doing what an order needs, the usual way — verify the
 * access token, validate the body with the contract's Zod schema, read the design, price it from
 * a catalogue held in memory, then one transaction (BEGIN, the order, its items, the idempotency
 * key, the first history row, the outbox event, COMMIT). No cache, metrics, tracing or rate limit.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createOrderBodySchema } from '@btb/contracts';
import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { priceOrder } from '../../apps/server/src/modules/orders/pricing.ts';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
pool.on('error', () => {});
const secret = new TextEncoder().encode(process.env.JWT_SECRET);

type Variant = {
  id: string;
  product_id: string;
  size: string;
  color: string;
  price_cents: number;
  printful_variant_id: number;
};
const products = new Map<string, { id: string; name: string; currency: string }>();
const variants = new Map<string, Variant>();
for (const p of (await pool.query('select id, name, currency from catalog.products where active')).rows)
  products.set(p.id, p);
for (const v of (
  await pool.query(
    'select id, product_id, size, color, price_cents, printful_variant_id from catalog.variants where active',
  )
).rows)
  variants.set(v.id, v);

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));

app.post('/api/orders', async (request, reply) => {
  let userId: string;
  try {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: 'boutique-to-box' });
    userId = payload.sub!;
  } catch {
    return reply.status(401).send({ error: 'Sign in first', code: 'unauthenticated' });
  }
  const parsed = createOrderBodySchema.safeParse(request.body);
  if (!parsed.success) return reply.status(400).send({ error: 'Invalid body', code: 'validation_failed' });
  const body = parsed.data;
  const key = request.headers['idempotency-key'] as string | undefined;
  const designIds = [...new Set(body.items.map((i) => i.designId))];
  const { rows: found } = await pool.query(
    `select id, user_id, title, thumbnail_url, seed, status, is_public, hidden from designs.designs where id = any($1)`,
    [designIds],
  );
  const designs = new Map(found.map((d) => [d.id, d]));
  const lines = body.items.map((item) => {
    const design = designs.get(item.designId);
    const variant = variants.get(item.variantId);
    if (
      !design ||
      (design.user_id !== userId && (!design.is_public || design.hidden)) ||
      design.status !== 'ready'
    )
      return null;
    if (!variant || variant.product_id !== item.productId) return null;
    return { item, design, variant, product: products.get(item.productId)! };
  });
  if (lines.some((l) => l === null))
    return reply.status(400).send({ error: 'Invalid items', code: 'validation_failed' });
  const ok = lines as NonNullable<(typeof lines)[number]>[];
  const currency = ok[0]!.product.currency;
  const price = priceOrder(
    ok.map((l) => ({ unitPriceCents: l.variant.price_cents, quantity: l.item.quantity })),
    body.shippingAddress.country,
    body.shippingMethod,
  );
  const client = await pool.connect();
  try {
    await client.query('begin');
    const {
      rows: [order],
    } = await client.query(
      `insert into orders.orders (user_id, currency, subtotal_cents, shipping_cents, tax_cents, total_cents,
         shipping_method, shipping_address, public_base_url)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id, status, created_at, updated_at`,
      [
        userId,
        currency,
        price.subtotalCents,
        price.shippingCents,
        price.taxCents,
        price.totalCents,
        body.shippingMethod,
        JSON.stringify(body.shippingAddress),
        'http://localhost:8080',
      ],
    );
    const values: unknown[] = [];
    const tuples = ok.map((l, position) => {
      const at = values.length;
      values.push(
        order.id,
        position,
        l.design.id,
        l.design.seed,
        `designs/${l.design.id}/${l.design.seed}/tile.svg`,
        l.design.title,
        l.design.thumbnail_url,
        l.product.id,
        l.product.name,
        l.variant.id,
        `${l.variant.color} / ${l.variant.size}`,
        l.variant.printful_variant_id,
        l.item.quantity,
        l.variant.price_cents,
      );
      return `(${Array.from({ length: 14 }, (_, i) => `$${at + i + 1}`).join(', ')})`;
    });
    await client.query(
      `insert into orders.order_items (order_id, position, design_id, design_seed, artwork_key, design_title,
         thumbnail_url, product_id, product_name, variant_id, variant_name, provider_variant_id, quantity,
         unit_price_cents) values ${tuples.join(', ')}`,
      values,
    );
    if (key) {
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const claimed = await client.query(
        `insert into orders.idempotency_keys (user_id, key, request_hash, order_id) values ($1, $2, $3, $4)
         on conflict do nothing returning key`,
        [userId, key, hash, order.id],
      );
      if (claimed.rowCount === 0) {
        await client.query('rollback');
        return reply.status(409).send({ error: 'Key taken', code: 'conflict' });
      }
    }
    await client.query(
      `insert into orders.order_status_history (order_id, from_status, to_status, reason) values ($1, null, $2, 'Order placed')`,
      [order.id, order.status],
    );
    const eventId = randomUUID();
    await client.query(
      `insert into platform.outbox (event_id, event_type, aggregate_id, envelope) values ($1, 'order_created', $2, $3)`,
      [
        eventId,
        order.id,
        JSON.stringify({
          eventId,
          eventType: 'order_created',
          userId,
          orderId: order.id,
          timestamp: new Date().toISOString(),
          metadata: { totalCents: price.totalCents, currency, country: body.shippingAddress.country },
        }),
      ],
    );
    await client.query('commit');
    return reply.status(201).send({
      id: order.id,
      userId,
      status: order.status,
      items: ok.map((l) => ({
        designId: l.design.id,
        designTitle: l.design.title,
        thumbnailUrl: l.design.thumbnail_url,
        productId: l.product.id,
        productName: l.product.name,
        variantId: l.variant.id,
        variantName: `${l.variant.color} / ${l.variant.size}`,
        quantity: l.item.quantity,
        unitPriceCents: l.variant.price_cents,
        printFileUrl: null,
      })),
      currency,
      ...price,
      refundedCents: 0,
      shippingMethod: body.shippingMethod,
      shippingAddress: body.shippingAddress,
      destination: null,
      tracking: null,
      failureReason: null,
      history: [{ from: null, to: order.status, at: order.created_at.toISOString(), reason: 'Order placed' }],
      createdAt: order.created_at.toISOString(),
      updatedAt: order.updated_at.toISOString(),
    });
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
