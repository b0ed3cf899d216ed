import { useCancelOrder } from '../../api/mutations.ts';
import { ConfirmDialog } from '../ui/confirm.tsx';
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
  const confirm = () =>
    cancel.mutate(orderId, {
      onSuccess: () => {
        toast.success('Order cancelled');
        onClose();
      },
      onError: (err) => toast.error(err.message),
    });

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      onConfirm={confirm}
      busy={cancel.isPending}
      title="Cancel this order?"
      description="If you've paid, the full amount is refunded to your card."
      cancelLabel="Keep order"
      confirmLabel="Cancel order"
      danger
    />
  );
}
