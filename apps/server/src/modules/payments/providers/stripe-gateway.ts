import Stripe from 'stripe';
import type {
  ChargeRequest,
  ChargeResult,
  GatewayEvent,
  PaymentGateway,
  RefundResult,
} from './payment-gateway.ts';
import { toGatewayEvent, verifyStripeWebhook } from './stripe-webhook-events.ts';

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** API host, port and protocol: Stripe's by default; a local server in tests. */
  host?: string;
  port?: number | string;
  protocol?: 'http' | 'https';
  /** Alternative to host/port/protocol, e.g. STRIPE_API_BASE = 'http://127.0.0.1:12111'. */
  apiBase?: string;
  /** Network retries the SDK makes itself (same idempotency key each time). Default 2. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

function connection(options: StripeGatewayOptions): Pick<StripeGatewayOptions, 'host' | 'port' | 'protocol'> {
  if (!options.apiBase) return { host: options.host, port: options.port, protocol: options.protocol };
  const url = new URL(options.apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/** Stripe through its official SDK: PaymentIntents confirmed server-side, refunds, signed webhooks. */
export class StripeGateway implements PaymentGateway {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;
  private readonly webhookSecret: string;

  constructor(options: StripeGatewayOptions) {
    this.webhookSecret = options.webhookSecret;
    this.stripe = new Stripe(options.secretKey, {
      ...connection(options),
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      timeout: options.timeoutMs ?? 30_000,
      telemetry: false,
      appInfo: { name: 'boutique-to-box' },
    });
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: request.currency.toLowerCase(),
          payment_method: request.paymentMethod,
          confirm: true,
          metadata: { orderId: request.orderId },
          receipt_email: request.customerEmail,
          ...(request.returnUrl
            ? // Cards only, with a return_url: 3-D Secure comes back as a `redirect_to_url` next action
              // (no Stripe.js needed). Stripe refuses a return_url beside allow_redirects 'never'.
              { payment_method_types: ['card'], return_url: request.returnUrl }
            : // Without somewhere to send the buyer back to, no redirect-based methods at all.
              { automatic_payment_methods: { enabled: true, allow_redirects: 'never' as const } }),
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return this.toChargeResult(intent);
    } catch (err) {
      if (err instanceof Stripe.errors.StripeCardError) {
        return {
          status: 'failed',
          paymentIntentId: err.payment_intent?.id,
          declineCode: err.decline_code || err.code,
          message: err.message,
        };
      }
      // Unknown or unusable payment method: an outcome for the buyer, not an outage.
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'payment_method') {
        return { status: 'failed', paymentIntentId: err.payment_intent?.id, message: err.message };
      }
      throw err;
    }
  }

  async retrieve(paymentIntentId: string): Promise<ChargeResult> {
    return this.toChargeResult(await this.stripe.paymentIntents.retrieve(paymentIntentId));
  }

  private toChargeResult(intent: Stripe.PaymentIntent): ChargeResult {
    switch (intent.status) {
      case 'succeeded':
        return { status: 'succeeded', paymentIntentId: intent.id };
      case 'requires_payment_method':
      case 'canceled':
        return {
          status: 'failed',
          paymentIntentId: intent.id,
          declineCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code,
          message: intent.last_payment_error?.message ?? `Payment ${intent.status.replaceAll('_', ' ')}`,
        };
      default: {
        // requires_action, and the not-yet-final processing / requires_confirmation / requires_capture:
        // the outcome arrives later (customer action or webhook).
        const url = intent.next_action?.redirect_to_url?.url;
        return {
          status: 'requires_action',
          paymentIntentId: intent.id,
          clientSecret: intent.client_secret ?? undefined,
          ...(url ? { nextAction: { type: 'redirect_to_url' as const, url } } : {}),
        };
      }
    }
  }

  async refund(paymentIntentId: string, idempotencyKey: string, amountCents?: number): Promise<RefundResult> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: paymentIntentId, ...(amountCents !== undefined ? { amount: amountCents } : {}) },
      { idempotencyKey },
    );
    const status: RefundResult['status'] =
      refund.status === 'succeeded'
        ? 'succeeded'
        : refund.status === 'pending' || refund.status === 'requires_action'
          ? 'pending'
          : 'failed';
    return { refundId: refund.id, status };
  }

  parseWebhook(rawBody: Buffer, signatureHeader: string | undefined): GatewayEvent {
    return toGatewayEvent(verifyStripeWebhook(rawBody, signatureHeader, this.webhookSecret));
  }
}
