import type { Order, PaymentResult } from '@btb/contracts';
import { useState } from 'react';
import { api } from '../../api/index.ts';
import { testCards } from './payment-card.tsx';

/** Paying a reviewed order with a test card; a decline is a result to show, not an error. */
export function usePayment(order: Order | null, setOrder: (order: Order) => void) {
  const [card, setCard] = useState(testCards[0].value);
  const [paying, setPaying] = useState(false);
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

  return { card, setCard, paying, payment, setPayment, pay };
}
