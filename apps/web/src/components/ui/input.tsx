import { type ComponentProps, type LabelHTMLAttributes, type ReactNode, useId } from 'react';
import { cn } from '../../lib/cn.ts';

/** Caller classes that set width or height replace the defaults (no class-merging library here). */
function sized(className: string | undefined, height: string): string {
  const c = className ?? '';
  return cn(/(^|\s)w-/.test(c) ? '' : 'w-full', /(^|\s)h-/.test(c) ? '' : height);
}

const control =
  'rounded-xl border bg-white dark:bg-linen px-3.5 text-sm text-ink placeholder:text-ink-soft ' +
  'transition-colors focus:outline-2 focus:outline-offset-1 focus:outline-accent ' +
  'disabled:cursor-not-allowed disabled:opacity-60';

export function Input({ className, ...rest }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(
        control,
        sized(className, 'h-11'),
        rest['aria-invalid'] ? 'border-danger' : 'border-sand hover:border-ink-soft/40',
        className,
      )}
      {...rest}
    />
  );
}

export function Textarea({ className, ...rest }: ComponentProps<'textarea'>) {
  return (
    <textarea
      className={cn(
        control,
        sized(className, ''),
        'min-h-28 py-3 leading-relaxed',
        rest['aria-invalid'] ? 'border-danger' : 'border-sand hover:border-ink-soft/40',
        className,
      )}
      {...rest}
    />
  );
}

export function Select({ className, children, ...rest }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        control,
        sized(className, 'h-11'),
        'appearance-none bg-[url("data:image/svg+xml,%3Csvg%20xmlns=%27http://www.w3.org/2000/svg%27%20viewBox=%270%200%2024%2024%27%20fill=%27none%27%20stroke=%27%2357534e%27%20stroke-width=%272%27%3E%3Cpath%20d=%27m6%209%206%206%206-6%27/%3E%3C/svg%3E")] bg-[length:1rem] bg-[right_0.75rem_center] bg-no-repeat pr-9',
        rest['aria-invalid'] ? 'border-danger' : 'border-sand hover:border-ink-soft/40',
        className,
      )}
      {...rest}
    >
      {children}
    </select>
  );
}

export function Label({ className, ...rest }: LabelHTMLAttributes<HTMLLabelElement>) {
  // biome-ignore lint/a11y/noLabelWithoutControl: htmlFor is passed by the caller
  return <label className={cn('text-sm font-medium text-ink', className)} {...rest} />;
}

export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="text-sm text-danger" role="alert">
      {children}
    </p>
  );
}

/**
 * A labelled control with hint and error text wired up through aria-describedby.
 * `children` receives the props the control needs.
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && !error && (
        <p id={hintId} className="text-xs text-ink-soft">
          {hint}
        </p>
      )}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
