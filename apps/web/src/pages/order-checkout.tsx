import type { Order, OrderStatus } from '@btb/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/index.ts';
import { BankConfirmationProgress } from '../components/checkout/bank-confirmation.tsx';
import { PaymentCard } from '../components/checkout/payment-card.tsx';
import { usePayment } from '../components/checkout/use-payment.ts';
import { EmptyState, ErrorNote, PageHeader } from '../components/layout.tsx';
import { OrderItemsCard } from '../components/orders/order-items-card.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { useTitle } from '../lib/use-title.ts';

const payable: OrderStatus[] = ['pending_payment', 'payment_failed'];

/**
 * Paying an order already placed: where the buyer's bank sends them back after 3-D Secure (with
 * `payment_intent` and `redirect_status` in the query, as Stripe appends them), and where an unpaid
 * order can be paid with another card.
 */
export function OrderCheckoutPage() {
  useTitle('Checkout');
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { card, setCard, paying, payment, setPayment, pay, confirming, confirmError, confirm } = usePayment(
    order,
    setOrder,
  );
  const returnedWith = useRef(search.get('payment_intent') ?? undefined);
  const started = useRef(false);

  const load = useCallback(async () => {
    try {
      setOrder(await api.orders.get(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  const confirmReturn = useCallback(async () => {
    // The query goes once answered, so a reload does not ask again.
    if (await confirm(id, returnedWith.current)) setSearch({}, { replace: true });
    else await load();
  }, [confirm, id, load, setSearch]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (returnedWith.current ? confirmReturn() : load());
  }, [confirmReturn, load]);

  if (error instanceof ApiError && error.notFound) return <EmptyState page title="Order not found" />;
  if (error && !order) return <ErrorNote error={error} retry={load} />;

  const paid = Boolean(order && !payable.includes(order.status) && order.status !== 'cancelled');
  if (order?.status === 'cancelled') {
    return (
      <EmptyState page title="This order is cancelled">
        Nothing more will be charged.{' '}
        <Link to={`/orders/${order.id}`} className="text-accent underline">
          See the order
        </Link>
      </EmptyState>
    );
  }

  return (
    <div>
      <PageHeader
        title="Checkout"
        subtitle={order ? `Order ${order.id.slice(0, 8).toUpperCase()}` : 'Your order'}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {order ? (
          <OrderItemsCard order={order} title="Order summary" brief />
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>Order summary</CardTitle>
            </CardHeader>
            <CardContent>
              <Skeleton className="h-40" />
            </CardContent>
          </Card>
        )}
        <aside className="flex flex-col gap-4 lg:sticky lg:top-24 lg:self-start">
          {order ? (
            <PaymentCard
              order={order}
              paid={paid}
              card={card}
              setCard={setCard}
              payment={payment}
              pay={pay}
              paying={paying}
              onAnotherCard={() => setPayment(null)}
              confirming={confirming}
              confirmError={confirmError}
              retryConfirm={() => void confirmReturn()}
            />
          ) : (
            <Card>
              <CardHeader>
                <CardTitle>3. Payment</CardTitle>
              </CardHeader>
              <CardContent>
                {confirming ? <BankConfirmationProgress /> : <Skeleton className="h-24" />}
              </CardContent>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
