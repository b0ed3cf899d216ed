/** Money is always integer minor units (cents) with an ISO 4217 currency, lower-case as Stripe uses it. */
export interface ChargeRequest {
  orderId: string;
  amountCents: number;
  currency: string;
  /** e.g. 'pm_card_visa', 'pm_card_chargeDeclined', 'pm_card_authenticationRequired', or a real PaymentMethod id. */
  paymentMethod: string;
  /** The same key never charges twice (Stripe idempotency key). */
  idempotencyKey: string;
  customerEmail?: string;
  /**
   * Absolute URL the buyer's bank sends them back to after 3-D Secure (Stripe's `return_url`). With
   * it, a card that needs authentication answers `requires_action` with a `redirect_to_url` next action.
   */
  returnUrl?: string;
}

/** Where the buyer must go to authenticate (Stripe's `next_action` of type `redirect_to_url`). */
export interface NextAction {
  type: 'redirect_to_url';
  url: string;
}

export type ChargeResult =
  | { status: 'succeeded'; paymentIntentId: string }
  | { status: 'requires_action'; paymentIntentId: string; clientSecret?: string; nextAction?: NextAction }
  | { status: 'failed'; paymentIntentId?: string; declineCode?: string; message: string };

export interface RefundResult {
  refundId: string;
  status: 'succeeded' | 'pending' | 'failed';
}

/** A gateway webhook, verified and reduced to what the payments module acts on. */
export type GatewayEvent =
  | { id: string; type: 'payment_succeeded'; paymentIntentId: string; orderId?: string }
  | { id: string; type: 'payment_failed'; paymentIntentId: string; orderId?: string; message?: string }
  | { id: string; type: 'refunded'; paymentIntentId: string; orderId?: string; amountCents: number }
  | { id: string; type: 'ignored'; rawType: string };

export interface PaymentGateway {
  readonly name: 'test' | 'stripe';
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** The PaymentIntent's current outcome (after the buyer returns from their bank); throws if unknown. */
  retrieve(paymentIntentId: string): Promise<ChargeResult>;
  refund(paymentIntentId: string, idempotencyKey: string, amountCents?: number): Promise<RefundResult>;
  /** Verifies the signature over the raw body; throws on a bad signature. */
  parseWebhook(rawBody: Buffer, signatureHeader: string | undefined): GatewayEvent;
}
