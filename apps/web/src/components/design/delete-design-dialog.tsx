import type { Design } from '@btb/contracts';
import { useNavigate } from 'react-router';
import { useDeleteDesign } from '../../api/mutations.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
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

  function confirm() {
    remove.mutate(design.id, {
      onSuccess: () => {
        toast.success('Design deleted');
        navigate('/', { replace: true });
      },
      onError: (err) => toast.error(err.message),
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Delete this design?"
      description="It disappears from the gallery and your studio. Orders already placed are not affected. This cannot be undone."
    >
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Keep it
        </Button>
        <Button variant="danger" onClick={confirm} loading={remove.isPending || remove.isSuccess}>
          Delete design
        </Button>
      </div>
    </Dialog>
  );
}
