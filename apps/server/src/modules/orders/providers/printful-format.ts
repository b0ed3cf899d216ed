import type { FulfillmentUpdate, Shipment } from './fulfillment-provider.ts';

/**
 * Printful's v1 wire format (https://developers.printful.com/docs/) as far as we use it, and the
 * mappings to our FulfillmentUpdate shared by polling and webhooks.
 */

/** Every v1 answer: `{ code, result }`; errors add `error: { reason, message }` and put text in `result`. */
export interface PrintfulEnvelope<T> {
  code: number;
  result: T;
  error?: { reason?: string; message?: string };
}

export interface PrintfulShipment {
  id: number;
  carrier: string;
  service?: string;
  tracking_number: string | number;
  tracking_url: string;
  /** Unix seconds. */
  created?: number;
  ship_date?: string;
  /** Unix seconds. */
  shipped_at?: number;
  reshipment?: boolean;
  /** Carrier status when Printful knows it (not guaranteed in v1). */
  status?: string;
  delivery_status?: string;
}

export type PrintfulOrderStatus =
  | 'draft'
  | 'pending'
  | 'inreview'
  | 'inprocess'
  | 'onhold'
  | 'partial'
  | 'fulfilled'
  | 'canceled'
  | 'failed'
  | 'archived';

export interface PrintfulOrder {
  id: number;
  external_id: string | null;
  status: PrintfulOrderStatus | string;
  shipping?: string;
  shipments?: PrintfulShipment[];
  /** Why an order is on hold or failed, when Printful says. */
  error?: string;
  notes?: string;
}

function isoFromShipment(s: PrintfulShipment): string {
  if (s.shipped_at) return new Date(s.shipped_at * 1000).toISOString();
  if (s.ship_date) {
    const d = new Date(s.ship_date);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  if (s.created) return new Date(s.created * 1000).toISOString();
  return new Date().toISOString();
}

export function toShipment(s: PrintfulShipment): Shipment {
  return {
    carrier: s.carrier,
    service: s.service || undefined,
    trackingNumber: String(s.tracking_number),
    trackingUrl: s.tracking_url,
    shippedAt: isoFromShipment(s),
  };
}

const isDelivered = (s: PrintfulShipment) =>
  (s.status ?? s.delivery_status ?? '').toLowerCase() === 'delivered';

/** The most recent shipment (reshipments supersede the original parcel). */
function latest(shipments: PrintfulShipment[]): PrintfulShipment | undefined {
  return [...shipments]
    .sort((a, b) => (a.shipped_at ?? a.created ?? 0) - (b.shipped_at ?? b.created ?? 0))
    .at(-1);
}

/**
 * A Printful order as seen by a poll. Printful has no "delivered" webhook: an order counts as
 * delivered once it is fulfilled and every shipment's carrier status says delivered.
 * Draft/pending/inreview mean "submitted, not started": no update.
 */
export function orderToUpdate(order: PrintfulOrder, externalId: string): FulfillmentUpdate | null {
  const shipments = order.shipments ?? [];
  switch (order.status) {
    case 'inprocess':
      return { kind: 'in_production', externalId };
    case 'partial':
    case 'fulfilled': {
      const last = latest(shipments);
      if (!last) return { kind: 'in_production', externalId };
      if (order.status === 'fulfilled' && shipments.every(isDelivered))
        return { kind: 'delivered', externalId };
      return { kind: 'shipped', externalId, shipment: toShipment(last) };
    }
    case 'onhold':
      return {
        kind: 'on_hold',
        externalId,
        reason: order.error || order.notes || 'Order is on hold at Printful',
      };
    case 'failed':
      return { kind: 'failed', externalId, reason: order.error || 'Printful could not process the order' };
    case 'canceled':
    case 'archived':
      return { kind: 'cancelled', externalId, reason: `Order ${order.status} at Printful` };
    default:
      return null;
  }
}

/** '12.50' from 1250: Printful prices are decimal strings in the order's currency. */
export const centsToPrice = (cents: number) => (cents / 100).toFixed(2);

/** 1250 from '12.50' (or 12.5), without floating-point drift. */
export function priceToCents(price: string | number): number {
  const [whole = '0', frac = ''] = String(price).trim().split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return (
    sign *
    (Math.abs(Number.parseInt(whole, 10) || 0) * 100 + Number.parseInt(frac.padEnd(2, '0').slice(0, 2), 10))
  );
}
