import { type ReactNode, useCallback, useRef, useState } from 'react';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';

export interface ConfirmOptions {
  title: string;
  description: string;
  /** The confirming button says what happens ("Suspend Dana"), never just "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** A danger-coloured confirming button for what cannot simply be clicked back. */
  danger?: boolean;
}

/** A question with two answers; the confirming one may show progress while its work runs. */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  busy,
}: ConfirmOptions & { open: boolean; onClose: () => void; onConfirm: () => void; busy?: boolean }) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} loading={busy}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}

/**
 * Asks before a destructive action: `if (await confirm({...})) act()`. Render `dialog` once in the
 * component; Escape, the backdrop and "Cancel" all answer no.
 */
export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const answer = useRef<((ok: boolean) => void) | null>(null);
  const confirm = useCallback(
    (next: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        answer.current?.(false);
        answer.current = resolve;
        setOptions(next);
      }),
    [],
  );
  const settle = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = null;
    setOptions(null);
  };
  const dialog = (
    <ConfirmDialog
      title=""
      description=""
      confirmLabel=""
      {...options}
      open={options !== null}
      onClose={() => settle(false)}
      onConfirm={() => settle(true)}
    />
  );
  return { confirm, dialog };
}
