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
}

export type ChargeResult =
  | { status: 'succeeded'; paymentIntentId: string }
  | { status: 'requires_action'; paymentIntentId: string; clientSecret?: string }
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
  refund(paymentIntentId: string, idempotencyKey: string, amountCents?: number): Promise<RefundResult>;
  /** Verifies the signature over the raw body; throws on a bad signature. */
  parseWebhook(rawBody: Buffer, signatureHeader: string | undefined): GatewayEvent;
}
