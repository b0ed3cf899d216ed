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
    <Dialog
      open={options !== null}
      onClose={() => settle(false)}
      title={options?.title ?? ''}
      description={options?.description}
    >
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={() => settle(false)}>
          {options?.cancelLabel ?? 'Cancel'}
        </Button>
        <Button variant={options?.danger ? 'danger' : 'primary'} onClick={() => settle(true)}>
          {options?.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
  return { confirm, dialog };
}
