import type { Address, CreateOrderBody, Order, Product } from '@btb/contracts';
import type { FastifyInstance } from 'fastify';
import type { FakeHttpServer } from '../../../platform/testing/fake-http-server.ts';
import { createDesign, type Session, until } from '../../../testing/fixtures.ts';
import { STRIPE_TEST_SECRET_KEY, STRIPE_TEST_WEBHOOK_SECRET } from '../../payments/testing/stripe-api.ts';
import { PRINTFUL_TOKEN } from './fake-printful.ts';

/**
 * Manufacturing through Printful and payment in Stripe's wire format, both served by `server`,
 * with fast polling and retries, and a dead worker's submission taken over after 1.5 s.
 */
export const printfulStripeEnv = (server: FakeHttpServer) => ({
  FULFILLMENT_PROVIDER: 'printful',
  PRINTFUL_TOKEN,
  PRINTFUL_BASE_URL: server.url,
  PUBLIC_URL: 'https://shop.example.com',
  // Real manufacturing is never paid through the test gateway: Stripe's wire format, locally.
  PAYMENT_PROVIDER: 'stripe',
  STRIPE_SECRET_KEY: STRIPE_TEST_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
  STRIPE_API_BASE: server.url,
  JOBS_POLL_MS: '50',
  FULFILLMENT_RETRY_BACKOFF_MS: '20',
  FULFILLMENT_MAX_ATTEMPTS: '2',
  FULFILLMENT_LEASE_MS: '1500',
});

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
