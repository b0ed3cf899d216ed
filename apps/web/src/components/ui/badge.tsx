import type { HTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';
const tones: Record<Tone, string> = {
  neutral: 'bg-linen text-ink-soft',
  accent: 'bg-accent-soft text-accent-dark',
  success: 'bg-emerald-50 dark:bg-emerald-950/50 text-emerald-800 dark:text-emerald-300',
  warning: 'bg-amber-50 dark:bg-amber-950/40 text-amber-800 dark:text-amber-300',
  danger: 'bg-red-50 dark:bg-red-950/40 text-danger',
  info: 'bg-sky-50 dark:bg-sky-950/50 text-sky-800 dark:text-sky-300',
};

export function Badge({
  tone = 'neutral',
  className,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium',
        tones[tone],
        className,
      )}
      {...rest}
    />
  );
}
