import type { Order, PaymentResult } from '@btb/contracts';
import { CheckCircle2, CreditCard, XCircle } from 'lucide-react';
import { formatMoney } from '../../lib/format.ts';
import { ErrorNote } from '../layout.tsx';
import { Button, ButtonLink } from '../ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';
import { Field, Select } from '../ui/input.tsx';
import { BankConfirmationProgress, BankConfirmationStep } from './bank-confirmation.tsx';

export const testCards = [
  { value: 'pm_card_visa', label: 'Visa •••• 4242 — succeeds' },
  { value: 'pm_card_chargeDeclined', label: 'Visa •••• 0002 — declined' },
  { value: 'pm_card_authenticationRequired', label: 'Visa •••• 3184 — authentication required' },
];

/**
 * Checkout's last step: a test card and Pay, then where to follow the order. A card that needs
 * 3-D Secure shows the step to the bank; back from it, the progress and then the outcome.
 */
export function PaymentCard({
  order,
  paid,
  card,
  setCard,
  payment,
  pay,
  paying,
  onAnotherCard,
  confirming = false,
  confirmError = null,
  retryConfirm,
}: {
  order: Order;
  paid: boolean;
  card: string;
  setCard: (card: string) => void;
  payment: PaymentResult['payment'] | null;
  pay: () => void;
  paying: boolean;
  /** Leaves the bank step for the card form. */
  onAnotherCard: () => void;
  confirming?: boolean;
  confirmError?: unknown;
  retryConfirm?: () => void;
}) {
  const bankUrl = payment?.status === 'requires_action' ? payment.nextAction?.url : undefined;
  const total = formatMoney(order.totalCents, order.currency);
  return (
    <Card>
      <CardHeader>
        <CardTitle>3. Payment</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {paid ? (
          <div role="status" className="flex flex-col gap-3">
            <p className="flex items-center gap-2 font-medium text-sage">
              <CheckCircle2 aria-hidden className="h-5 w-5" /> Payment received
            </p>
            <p className="text-sm text-ink-soft">
              We've sent your print to the studio. Follow it on its way to you.
            </p>
            <ButtonLink to={`/orders/${order.id}`}>Track your order</ButtonLink>
          </div>
        ) : confirming ? (
          <BankConfirmationProgress />
        ) : confirmError ? (
          <ErrorNote error={confirmError} retry={retryConfirm} />
        ) : bankUrl ? (
          <BankConfirmationStep url={bankUrl} amount={total} onAnotherCard={onAnotherCard} />
        ) : (
          <>
            <Field label="Test card">
              {(p) => (
                <Select {...p} name="card" value={card} onChange={(e) => setCard(e.target.value)}>
                  {testCards.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {payment && payment.status !== 'succeeded' && (
              <div
                role="alert"
                className="flex gap-2 rounded-xl border border-red-200 dark:border-red-900/60 bg-red-50 dark:bg-red-950/40 px-3 py-2 text-sm text-danger"
              >
                <XCircle aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
                <span>
                  {payment.status === 'requires_action'
                    ? (payment.message ?? 'Your bank asks for extra authentication. Try another card.')
                    : (payment.message ?? 'Your card was declined.')}{' '}
                  You can try again, with this card or another.
                </span>
              </div>
            )}
            <Button size="lg" variant="accent" onClick={pay} loading={paying}>
              <CreditCard aria-hidden className="h-4 w-4" /> Pay {total}
            </Button>
          </>
        )}
      </CardContent>
    </Card>
  );
}
