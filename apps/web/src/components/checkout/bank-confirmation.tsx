import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../ui/button.tsx';

/**
 * 3-D Secure: the buyer's bank wants them to approve the payment on its own page, which sends
 * them back to this order's checkout (Stripe's `redirect_to_url` next action).
 */
export function BankConfirmationStep({
  url,
  amount,
  onAnotherCard,
}: {
  url: string;
  amount: string;
  onAnotherCard: () => void;
}) {
  const [leaving, setLeaving] = useState(false);
  return (
    <section aria-labelledby="bank-step-title" className="flex flex-col gap-3" data-testid="bank-step">
      <div
        role="status"
        className="flex flex-col gap-1 rounded-xl border border-sand bg-linen/60 dark:bg-white/5 px-3 py-3"
      >
        <h3 id="bank-step-title" className="flex items-center gap-2 font-medium">
          <ShieldCheck aria-hidden className="h-5 w-5 shrink-0 text-accent" /> Your bank needs you to confirm
          this payment
        </h3>
        <p className="text-sm text-ink-soft">
          You'll go to your bank's page to approve {amount}, then come straight back here to finish.
        </p>
      </div>
      <Button
        size="lg"
        variant="accent"
        loading={leaving}
        onClick={() => {
          setLeaving(true);
          window.location.assign(url);
        }}
      >
        Confirm with your bank
      </Button>
      <Button variant="ghost" onClick={onAnotherCard}>
        Pay with another card
      </Button>
    </section>
  );
}

/** Back from the bank: the server asks the gateway how the payment ended. */
export function BankConfirmationProgress() {
  return (
    <div role="status" className="flex items-center gap-3 py-2" data-testid="bank-progress">
      <span
        aria-hidden
        className="h-5 w-5 shrink-0 animate-spin rounded-full border-2 border-accent border-r-transparent"
      />
      <div>
        <p className="font-medium">Checking with your bank…</p>
        <p className="text-sm text-ink-soft">This takes a moment. Please keep this page open.</p>
      </div>
    </div>
  );
}
