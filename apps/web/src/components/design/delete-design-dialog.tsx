import type { Design } from '@btb/contracts';
import { useNavigate } from 'react-router';
import { useDeleteDesign } from '../../api/mutations.ts';
import { ConfirmDialog } from '../ui/confirm.tsx';
import { toast } from '../ui/toast.tsx';

/** Asks before deleting a design, then goes back to the gallery. */
export function DeleteDesignDialog({
  design,
  open,
  onClose,
}: {
  design: Design;
  open: boolean;
  onClose: () => void;
}) {
  const remove = useDeleteDesign();
  const navigate = useNavigate();
  const confirm = () =>
    remove.mutate(design.id, {
      onSuccess: () => {
        toast.success('Design deleted');
        navigate('/', { replace: true });
      },
      onError: (err) => toast.error(err.message),
    });

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      onConfirm={confirm}
      busy={remove.isPending || remove.isSuccess}
      title="Delete this design?"
      description="It disappears from the gallery and your studio. Orders already placed are not affected. This cannot be undone."
      cancelLabel="Keep it"
      confirmLabel="Delete design"
      danger
    />
  );
}
