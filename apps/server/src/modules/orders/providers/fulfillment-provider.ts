export interface FulfillmentAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  email?: string;
  phone?: string;
}

/** Where a placed print goes within its print area, in the area's pixels (Printful's file `position`). */
export interface PrintPosition {
  areaWidth: number;
  areaHeight: number;
  width: number;
  height: number;
  top: number;
  left: number;
}

export interface FulfillmentItem {
  /** The provider's catalog variant id (Printful `variant_id`). */
  providerVariantId: number;
  quantity: number;
  /** Absolute URLs of print files by placement, e.g. { front: 'https://.../print.png' }. */
  files: Record<string, string>;
  /** For placed prints moved or resized by the buyer: where each file goes, by placement. */
  positions?: Record<string, PrintPosition>;
  /** Retail price per item in cents. */
  retailPriceCents: number;
  name: string;
}

export interface FulfillmentOrder {
  /** Our order id: the provider's external id, which makes submission idempotent. */
  externalId: string;
  recipient: FulfillmentAddress;
  items: FulfillmentItem[];
  shippingMethod: string;
}

export interface SubmittedOrder {
  providerOrderId: string;
  status: string;
}

export interface Shipment {
  carrier: string;
  service?: string;
  trackingNumber: string;
  trackingUrl: string;
  shippedAt: string;
}

/** What a provider says happened to an order (from a webhook or a poll). */
export type FulfillmentUpdate =
  | { kind: 'in_production'; externalId: string }
  | { kind: 'shipped'; externalId: string; shipment: Shipment }
  | { kind: 'delivered'; externalId: string }
  | { kind: 'failed'; externalId: string; reason: string }
  | { kind: 'cancelled'; externalId: string; reason: string }
  | { kind: 'on_hold'; externalId: string; reason: string };

export interface ShippingRate {
  id: string;
  name: string;
  rateCents: number;
  currency: string;
  minDeliveryDays?: number;
  maxDeliveryDays?: number;
}

export class FulfillmentError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FulfillmentError';
  }
}

export interface FulfillmentProvider {
  readonly name: 'simulator' | 'printful';
  /** How the manufacturer is named to buyers ("Sent to … for printing"). */
  readonly label: string;
  /** Creates (or finds, by external id) and confirms the order for production. Idempotent. */
  submit(order: FulfillmentOrder): Promise<SubmittedOrder>;
  cancel(externalId: string): Promise<void>;
  estimateShipping(recipient: FulfillmentAddress, items: FulfillmentItem[]): Promise<ShippingRate[]>;
  /** Current state from the provider, for providers without a webhook for every step. */
  poll(externalId: string): Promise<FulfillmentUpdate | null>;
  /** The parcel of a shipped order (carrier, tracking), when the manufacturer knows it. */
  getShipment(externalId: string): Promise<Shipment | undefined>;
  /** Releases timers and connections on shutdown. */
  close(): void;
}
