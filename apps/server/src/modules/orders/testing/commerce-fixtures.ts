import type { Address, CreateOrderBody, Order, Product } from '@btb/contracts';
import type { FastifyInstance } from 'fastify';
import { createDesign, type Session, until } from '../../../testing/fixtures.ts';

export const usAddress: Address = {
  name: 'Ada Lovelace',
  line1: '1600 Pennsylvania Ave NW',
  city: 'Washington',
  state: 'DC',
  postalCode: '20500',
  country: 'US',
};

/** A design that finished generating (the app must run background work). */
export async function readyDesign(app: FastifyInstance, session: Session, isPublic = false) {
  const design = await createDesign(app, session, { isPublic });
  const ready = await until(async () => {
    const res = await app.inject({ method: 'GET', url: `/api/designs/${design.id}`, headers: session.auth });
    return res.json().status === 'ready';
  }, 30_000);
  if (!ready) throw new Error('design did not become ready');
  return design;
}

export async function products(app: FastifyInstance): Promise<Product[]> {
  return (await app.inject({ method: 'GET', url: '/api/catalog/products' })).json().items;
}

/** An item for the product: its first variant. */
export async function itemFor(app: FastifyInstance, designId: string, productId: string, quantity = 1) {
  const product = (await products(app)).find((p) => p.id === productId)!;
  return { designId, productId, variantId: product.variants[0]!.id, quantity };
}

export async function placeOrder(
  app: FastifyInstance,
  session: Session,
  items: CreateOrderBody['items'],
  extra: { headers?: Record<string, string>; address?: Address } = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...session.auth, ...extra.headers },
    payload: { items, shippingAddress: extra.address ?? usAddress },
  });
}

export async function getOrder(app: FastifyInstance, session: Session, id: string): Promise<Order> {
  return (await app.inject({ method: 'GET', url: `/api/orders/${id}`, headers: session.auth })).json();
}

export async function pay(
  app: FastifyInstance,
  session: Session,
  id: string,
  paymentMethod = 'pm_card_visa',
) {
  return app.inject({
    method: 'POST',
    url: `/api/orders/${id}/pay`,
    headers: session.auth,
    payload: { paymentMethod },
  });
}
