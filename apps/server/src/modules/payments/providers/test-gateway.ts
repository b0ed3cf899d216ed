import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type {
  ChargeRequest,
  ChargeResult,
  GatewayEvent,
  PaymentGateway,
  RefundResult,
} from './payment-gateway.ts';
import { toGatewayEvent, verifyStripeWebhook } from './stripe-webhook-events.ts';

/** The secret the embedded gateway signs its webhooks with unless configured otherwise. */
export const TEST_GATEWAY_WEBHOOK_SECRET = 'whsec_btb_embedded_test_gateway';

/** Where the app serves the embedded gateway's 3-D Secure page (Stripe's hosted test page stands here). */
export const TEST_BANK_PATH = '/api/payments/test-bank';

type Outcome =
  | { kind: 'succeed' }
  | { kind: 'authenticate' }
  | { kind: 'decline'; code: string; declineCode?: string; message: string };

const declined = (declineCode: string, message = 'Your card was declined.'): Outcome => ({
  kind: 'decline',
  code: 'card_declined',
  declineCode,
  message,
});

/** Stripe's documented test PaymentMethods and what Stripe does with each. */
const TEST_PAYMENT_METHODS: Record<string, Outcome> = {
  pm_card_visa: { kind: 'succeed' },
  pm_card_visa_debit: { kind: 'succeed' },
  pm_card_mastercard: { kind: 'succeed' },
  pm_card_mastercard_debit: { kind: 'succeed' },
  pm_card_mastercard_prepaid: { kind: 'succeed' },
  pm_card_amex: { kind: 'succeed' },
  pm_card_discover: { kind: 'succeed' },
  pm_card_diners: { kind: 'succeed' },
  pm_card_jcb: { kind: 'succeed' },
  pm_card_unionpay: { kind: 'succeed' },
  pm_card_authenticationRequired: { kind: 'authenticate' },
  pm_card_threeDSecureRequired: { kind: 'authenticate' },
  pm_card_threeDSecure2Required: { kind: 'authenticate' },
  pm_card_chargeDeclined: declined('generic_decline'),
  pm_card_visa_chargeDeclined: declined('generic_decline'),
  pm_card_chargeDeclinedInsufficientFunds: declined(
    'insufficient_funds',
    'Your card has insufficient funds.',
  ),
  pm_card_chargeDeclinedLostCard: declined('lost_card'),
  pm_card_chargeDeclinedStolenCard: declined('stolen_card'),
  pm_card_chargeDeclinedFraudulent: declined('fraudulent'),
  pm_card_chargeDeclinedExpiredCard: {
    kind: 'decline',
    code: 'expired_card',
    message: 'Your card has expired.',
  },
  pm_card_chargeDeclinedIncorrectCvc: {
    kind: 'decline',
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  pm_card_chargeDeclinedProcessingError: {
    kind: 'decline',
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
};

type IntentStatus = 'succeeded' | 'requires_action' | 'requires_payment_method';

interface TestIntent {
  id: string;
  orderId: string;
  amountCents: number;
  currency: string;
  status: IntentStatus;
  clientSecret: string;
  /** Where the bank page sends the buyer back to (the charge's `returnUrl`). */
  returnUrl?: string;
  lastError?: { code: string; declineCode?: string; message: string };
  refundedCents: number;
  created: number;
}

interface ChargeRecord {
  fingerprint: string;
  result: ChargeResult;
}

interface RefundRecord {
  fingerprint: string;
  result: RefundResult;
}

/** A webhook the gateway would have delivered: the raw body and its `Stripe-Signature` header. */
export interface SignedWebhook {
  type: string;
  rawBody: Buffer;
  signature: string;
}

export interface TestGatewayOptions {
  webhookSecret?: string;
  now?: () => Date;
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

/**
 * The embedded payment gateway: no network, no account, Stripe's test payment methods and
 * Stripe's rules (idempotency keys, refunds only of succeeded payments, HMAC-signed webhooks).
 * State lives in memory, like a Stripe test account that is reset on restart.
 */
export class TestGateway implements PaymentGateway {
  readonly name = 'test' as const;
  private readonly webhookSecret: string;
  private readonly now: () => Date;
  private readonly intents = new Map<string, TestIntent>();
  private readonly charges = new Map<string, ChargeRecord>();
  private readonly refunds = new Map<string, RefundRecord>();
  private readonly outbox: SignedWebhook[] = [];

  constructor(options: TestGatewayOptions = {}) {
    this.webhookSecret = options.webhookSecret ?? TEST_GATEWAY_WEBHOOK_SECRET;
    this.now = options.now ?? (() => new Date());
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const fingerprint = JSON.stringify([
      request.orderId,
      request.amountCents,
      request.currency.toLowerCase(),
      request.paymentMethod,
    ]);
    const previous = this.charges.get(request.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new Error(
          'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        );
      }
      return structuredClone(previous.result);
    }
    if (!Number.isInteger(request.amountCents) || request.amountCents <= 0) {
      throw new Error(`Invalid amount: ${request.amountCents} (a positive integer in cents is required)`);
    }

    const outcome = TEST_PAYMENT_METHODS[request.paymentMethod];
    let result: ChargeResult;
    if (!outcome) {
      // Stripe answers 'resource_missing' before any PaymentIntent exists.
      result = { status: 'failed', message: `Unknown payment method: ${request.paymentMethod}` };
    } else {
      const intent: TestIntent = {
        id: newId('pi'),
        orderId: request.orderId,
        amountCents: request.amountCents,
        currency: request.currency.toLowerCase(),
        status: 'requires_payment_method',
        clientSecret: '',
        refundedCents: 0,
        created: Math.floor(this.now().getTime() / 1000),
        returnUrl: request.returnUrl,
      };
      intent.clientSecret = `${intent.id}_secret_${randomBytes(8).toString('hex')}`;
      this.intents.set(intent.id, intent);
      if (outcome.kind === 'succeed') {
        intent.status = 'succeeded';
        result = { status: 'succeeded', paymentIntentId: intent.id };
        this.emit('payment_intent.succeeded', this.intentObject(intent));
      } else if (outcome.kind === 'authenticate') {
        intent.status = 'requires_action';
        result = this.resultOf(intent);
      } else {
        intent.lastError = { code: outcome.code, declineCode: outcome.declineCode, message: outcome.message };
        result = {
          status: 'failed',
          paymentIntentId: intent.id,
          declineCode: outcome.declineCode ?? outcome.code,
          message: outcome.message,
        };
        this.emit('payment_intent.payment_failed', this.intentObject(intent));
      }
    }
    this.charges.set(request.idempotencyKey, { fingerprint, result });
    return structuredClone(result);
  }

  /** The intent's current outcome, as `paymentIntents.retrieve` would tell it. */
  async retrieve(paymentIntentId: string): Promise<ChargeResult> {
    const intent = this.intents.get(paymentIntentId);
    if (!intent) throw new Error(`No such payment_intent: '${paymentIntentId}'`);
    return this.resultOf(intent);
  }

  /** What the bank page shows: the amount to authenticate and whether it still waits; undefined if unknown. */
  authenticationOf(
    paymentIntentId: string,
  ): { amountCents: number; currency: string; status: IntentStatus; clientSecret: string } | undefined {
    const intent = this.intents.get(paymentIntentId);
    if (!intent) return undefined;
    const { amountCents, currency, status, clientSecret } = intent;
    return { amountCents, currency, status, clientSecret };
  }

  /** Finishes a payment that required 3-D Secure, as the customer's bank would (embedded mode only). */
  completeAuthentication(paymentIntentId: string, approve = true): ChargeResult {
    const intent = this.intents.get(paymentIntentId);
    if (!intent) throw new Error(`No such payment_intent: '${paymentIntentId}'`);
    if (intent.status !== 'requires_action') {
      throw new Error(`PaymentIntent ${paymentIntentId} does not require action (status ${intent.status})`);
    }
    if (approve) {
      intent.status = 'succeeded';
      this.emit('payment_intent.succeeded', this.intentObject(intent));
      return { status: 'succeeded', paymentIntentId };
    }
    intent.status = 'requires_payment_method';
    intent.lastError = {
      code: 'payment_intent_authentication_failure',
      message: 'We are unable to authenticate your payment method.',
    };
    this.emit('payment_intent.payment_failed', this.intentObject(intent));
    return { status: 'failed', paymentIntentId, message: intent.lastError.message };
  }

  async refund(paymentIntentId: string, idempotencyKey: string, amountCents?: number): Promise<RefundResult> {
    const fingerprint = JSON.stringify([paymentIntentId, amountCents ?? null]);
    const previous = this.refunds.get(idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new Error(
          'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        );
      }
      return { ...previous.result };
    }
    const intent = this.intents.get(paymentIntentId);
    if (!intent) throw new Error(`No such payment_intent: '${paymentIntentId}'`);
    if (intent.status !== 'succeeded') {
      throw new Error(`PaymentIntent ${paymentIntentId} does not have a successful charge to refund.`);
    }
    const remaining = intent.amountCents - intent.refundedCents;
    const amount = amountCents ?? remaining;
    if (!Number.isInteger(amount) || amount <= 0 || amount > remaining) {
      throw new Error(
        `Refund amount (${amount}) is greater than the unrefunded amount on the charge (${remaining}).`,
      );
    }
    intent.refundedCents += amount;
    const result: RefundResult = { refundId: newId('re'), status: 'succeeded' };
    this.refunds.set(idempotencyKey, { fingerprint, result });
    this.emit('charge.refunded', {
      id: `ch_${intent.id.slice(3)}`,
      object: 'charge',
      amount: intent.amountCents,
      amount_refunded: intent.refundedCents,
      currency: intent.currency,
      payment_intent: intent.id,
      metadata: { orderId: intent.orderId },
      refunded: intent.refundedCents === intent.amountCents,
      status: 'succeeded',
    });
    return { ...result };
  }

  parseWebhook(rawBody: Buffer, signatureHeader: string | undefined): GatewayEvent {
    return toGatewayEvent(verifyStripeWebhook(rawBody, signatureHeader, this.webhookSecret));
  }

  /** Webhooks produced since the last call, oldest first, signed as Stripe signs them. */
  takeWebhooks(): SignedWebhook[] {
    return this.outbox.splice(0, this.outbox.length);
  }

  private resultOf(intent: TestIntent): ChargeResult {
    switch (intent.status) {
      case 'succeeded':
        return { status: 'succeeded', paymentIntentId: intent.id };
      case 'requires_action':
        return {
          status: 'requires_action',
          paymentIntentId: intent.id,
          clientSecret: intent.clientSecret,
          // The bank page is served by the app itself: a path, so the buyer stays on the address they use.
          ...(intent.returnUrl
            ? {
                nextAction: {
                  type: 'redirect_to_url' as const,
                  url: `${TEST_BANK_PATH}/${intent.id}?return_url=${encodeURIComponent(intent.returnUrl)}`,
                },
              }
            : {}),
        };
      default:
        return {
          status: 'failed',
          paymentIntentId: intent.id,
          declineCode: intent.lastError?.declineCode ?? intent.lastError?.code,
          message: intent.lastError?.message ?? 'The payment was declined',
        };
    }
  }

  private intentObject(intent: TestIntent) {
    return {
      id: intent.id,
      object: 'payment_intent',
      amount: intent.amountCents,
      amount_received: intent.status === 'succeeded' ? intent.amountCents : 0,
      currency: intent.currency,
      status: intent.status,
      client_secret: intent.clientSecret,
      created: intent.created,
      livemode: false,
      metadata: { orderId: intent.orderId },
      last_payment_error: intent.lastError
        ? {
            type: 'card_error',
            code: intent.lastError.code,
            decline_code: intent.lastError.declineCode,
            message: intent.lastError.message,
          }
        : null,
    };
  }

  private emit(type: string, object: Record<string, unknown>): void {
    const payload = JSON.stringify({
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(this.now().getTime() / 1000),
      livemode: false,
      pending_webhooks: 1,
      type,
      data: { object },
    });
    // Signed at the real time (not `now`): verification checks the timestamp against the clock, as Stripe's does.
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.webhookSecret });
    this.outbox.push({ type, rawBody: Buffer.from(payload), signature });
  }
}
