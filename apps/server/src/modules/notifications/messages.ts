import type { EventMetadata, EventType } from '@btb/contracts';
import type { EventEnvelope } from '../../platform/bus/events.ts';

/** `account` messages (security) are always e-mailed, whatever the preferences. */
export type NotificationCategory = 'generation' | 'likes' | 'orders' | 'account';

export interface NotificationDraft {
  userId: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  category: NotificationCategory;
}

/** The events that notify someone. */
export const notifyingEvents = [
  'generation_completed',
  'generation_failed',
  'design_liked',
  'order_paid',
  'order_status_changed',
  'payment_failed',
  'payment_refunded',
  'sign_in_paused',
] as const satisfies readonly EventType[];
export type NotifyingEvent = (typeof notifyingEvents)[number];

const money = (cents: number, currency: string) => {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: (currency || 'usd').toUpperCase(),
    }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
};

const orderNo = (orderId: string) => `#${orderId.slice(0, 8).toUpperCase()}`;

/** What an event tells whom, in words; null when it notifies nobody. */
export function notificationFor(event: EventEnvelope<NotifyingEvent>): NotificationDraft | null {
  const designTitle = (m: { title: string }) => (m.title ? `“${m.title}”` : 'Your design');
  switch (event.eventType) {
    case 'generation_completed':
      if (!event.userId || !event.designId) return null;
      return {
        userId: event.userId,
        type: 'design_ready',
        title: 'Your design is ready',
        body: `${designTitle(event.metadata)} is ready. See it on a t-shirt, a dress or a tote, and order it.`,
        link: `/designs/${event.designId}`,
        category: 'generation',
      };
    case 'generation_failed':
      if (!event.userId || !event.designId) return null;
      return {
        userId: event.userId,
        type: 'design_failed',
        title: 'We could not finish your design',
        body: `${designTitle(event.metadata)} could not be generated${event.metadata.reason ? `: ${event.metadata.reason}` : ''}. Try regenerating it.`,
        link: `/designs/${event.designId}`,
        category: 'generation',
      };
    case 'design_liked':
      // Only a like (not an unlike), only from someone else.
      if (!event.metadata.liked || event.metadata.ownerId === event.userId || !event.designId) return null;
      return {
        userId: event.metadata.ownerId,
        type: 'design_liked',
        title: 'Someone liked your design',
        body: 'Your design has a new like in the gallery.',
        link: `/designs/${event.designId}`,
        category: 'likes',
      };
    case 'order_paid':
      if (!event.userId || !event.orderId) return null;
      return {
        userId: event.userId,
        type: 'order_paid',
        title: 'Payment received',
        body: `We received ${money(event.metadata.totalCents, event.metadata.currency)} for order ${orderNo(event.orderId)}. It goes to the print shop next.`,
        link: `/orders/${event.orderId}`,
        category: 'orders',
      };
    case 'payment_failed':
      if (!event.userId || !event.orderId) return null;
      return {
        userId: event.userId,
        type: 'payment_failed',
        title: 'Your payment did not go through',
        body: `${event.metadata.message || 'The payment was declined.'} Order ${orderNo(event.orderId)} is waiting: you can pay again with another card.`,
        link: `/orders/${event.orderId}`,
        category: 'orders',
      };
    case 'payment_refunded':
      if (!event.userId || !event.orderId) return null;
      return {
        userId: event.userId,
        type: 'payment_refunded',
        title: 'Refund issued',
        body: `We refunded ${money(event.metadata.amountCents, event.metadata.currency)} for order ${orderNo(event.orderId)}.`,
        link: `/orders/${event.orderId}`,
        category: 'orders',
      };
    case 'sign_in_paused':
      if (!event.userId) return null;
      return {
        userId: event.userId,
        type: 'sign_in_paused',
        title: 'Sign-in to your account is paused',
        body: 'Several wrong passwords were tried for your account, so signing in is paused for a little while. If it was you, follow the link within an hour to sign in again at once. If it was not you, nothing was changed; choosing a new password in your profile keeps it that way.',
        link: `/api/auth/unlock?token=${encodeURIComponent(event.metadata.unlockToken)}`,
        category: 'account',
      };
    case 'order_status_changed':
      if (!event.userId || !event.orderId) return null;
      return orderStatusMessage(event.userId, event.orderId, event.metadata);
  }
}

function orderStatusMessage(
  userId: string,
  orderId: string,
  m: EventMetadata<'order_status_changed'>,
): NotificationDraft | null {
  const base = { userId, link: `/orders/${orderId}`, category: 'orders' as const };
  const no = orderNo(orderId);
  switch (m.to) {
    case 'submitted':
      return {
        ...base,
        type: 'order_submitted',
        title: 'Your order is at the print shop',
        body: `Order ${no} has been sent for printing.`,
      };
    case 'in_production':
      return {
        ...base,
        type: 'order_in_production',
        title: 'Your order is being printed',
        body: `Order ${no} is in production.`,
      };
    case 'shipped': {
      const t = m.tracking;
      return {
        ...base,
        type: 'order_shipped',
        title: 'Your order has shipped',
        body: t?.trackingNumber
          ? `Order ${no} is on its way with ${t.carrier ?? 'the carrier'}: tracking number ${t.trackingNumber}${t.trackingUrl ? ` (${t.trackingUrl})` : ''}.`
          : `Order ${no} is on its way.`,
      };
    }
    case 'delivered':
      return {
        ...base,
        type: 'order_delivered',
        title: 'Your order was delivered',
        body: `Order ${no} has arrived. Enjoy it!`,
      };
    case 'cancelled':
      return {
        ...base,
        type: 'order_cancelled',
        title: 'Your order was cancelled',
        body: `Order ${no}: ${m.reason ?? 'cancelled'}.`,
      };
    case 'fulfillment_failed':
      return {
        ...base,
        type: 'order_problem',
        title: 'There is a problem with your order',
        body: `Order ${no} could not be sent for printing. Our team has been told and will sort it out.`,
      };
    default:
      // paid and payment_failed have their own events (order_paid, payment_failed).
      return null;
  }
}
