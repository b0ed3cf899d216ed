import type { Order, PaymentResult } from '@btb/contracts';
import { useState } from 'react';
import { api } from '../../api/index.ts';
import { testCards } from './payment-card.tsx';

/**
 * Paying a reviewed order with a test card; a decline is a result to show, not an error. A card
 * that needs 3-D Secure sends the buyer to their bank; back from it, `confirm` asks how it ended.
 */
export function usePayment(order: Order | null, setOrder: (order: Order) => void) {
  const [card, setCard] = useState(testCards[0].value);
  const [paying, setPaying] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<unknown>(null);
  const [payment, setPayment] = useState<PaymentResult['payment'] | null>(null);

  async function pay() {
    if (!order) return;
    setPaying(true);
    setPayment(null);
    try {
      const res = await api.orders.pay(order.id, card);
      setOrder(res.order);
      setPayment(res.payment);
    } catch (err) {
      setPayment({ status: 'failed', message: (err as Error).message });
    } finally {
      setPaying(false);
    }
  }

  /** Resolves true once the outcome is known (paid, failed or still waiting), false on an error to retry. */
  async function confirm(orderId: string, paymentIntent?: string): Promise<boolean> {
    setConfirming(true);
    setConfirmError(null);
    try {
      const res = await api.orders.confirmPayment(orderId, paymentIntent);
      setOrder(res.order);
      setPayment(res.payment);
      return true;
    } catch (err) {
      setConfirmError(err);
      return false;
    } finally {
      setConfirming(false);
    }
  }

  return { card, setCard, paying, payment, setPayment, pay, confirming, confirmError, confirm };
}
