import Stripe from 'stripe';
import type { GatewayEvent } from './payment-gateway.ts';

/**
 * Stripe webhook handling shared by the Stripe gateway and the embedded test gateway, so the
 * same route, signature scheme and event mapping run in both modes.
 */

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** Verifies the `Stripe-Signature` header over the raw body (HMAC-SHA256, timestamp tolerance) and parses it. */
export function verifyStripeWebhook(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  webhookSecret: string,
): Stripe.Event {
  if (!signatureHeader) throw new WebhookSignatureError('Missing Stripe-Signature header');
  try {
    return Stripe.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret);
  } catch (err) {
    throw new WebhookSignatureError(`Invalid Stripe webhook: ${(err as Error).message}`);
  }
}

const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === 'string' ? value : (value?.id ?? undefined);

/** Reduces a verified Stripe event to what the payments module acts on. */
export function toGatewayEvent(event: Stripe.Event): GatewayEvent {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return {
        id: event.id,
        type: 'payment_succeeded',
        paymentIntentId: intent.id,
        orderId: intent.metadata?.orderId,
      };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      return {
        id: event.id,
        type: 'payment_failed',
        paymentIntentId: intent.id,
        orderId: intent.metadata?.orderId,
        message: intent.last_payment_error?.message ?? undefined,
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentIntentId = idOf(charge.payment_intent);
      if (!paymentIntentId) return { id: event.id, type: 'ignored', rawType: event.type };
      return {
        id: event.id,
        type: 'refunded',
        paymentIntentId,
        orderId: charge.metadata?.orderId,
        amountCents: charge.amount_refunded,
      };
    }
    default:
      return { id: event.id, type: 'ignored', rawType: event.type };
  }
}
