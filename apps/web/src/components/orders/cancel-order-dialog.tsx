import { useCancelOrder } from '../../api/mutations.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { toast } from '../ui/toast.tsx';

/** Asks before cancelling an order; the order's page shows the cancelled order at once. */
export function CancelOrderDialog({
  orderId,
  open,
  onClose,
}: {
  orderId: string;
  open: boolean;
  onClose: () => void;
}) {
  const cancel = useCancelOrder();

  function confirm() {
    cancel.mutate(orderId, {
      onSuccess: () => {
        toast.success('Order cancelled');
        onClose();
      },
      onError: (err) => toast.error(err.message),
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Cancel this order?"
      description="If you've paid, the full amount is refunded to your card."
    >
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Keep order
        </Button>
        <Button variant="danger" onClick={confirm} loading={cancel.isPending}>
          Cancel order
        </Button>
      </div>
    </Dialog>
  );
}
