import type { DesignVersion, DesignVersionList } from '@btb/contracts';
import { Check, History, Loader2, RotateCcw } from 'lucide-react';
import { cn } from '../lib/cn.ts';
import { formatDate } from '../lib/format.ts';
import { Button } from './ui/button.tsx';

interface Choose {
  onSelect: (version: DesignVersion) => void;
  /** The version being switched to, while the request runs. */
  selecting: string | null;
}

/** `className` sizes it; full width by default. */
function Thumb({ version, className = 'w-full' }: { version: DesignVersion; className?: string }) {
  if (version.status === 'ready' && version.thumbnailUrl) {
    return (
      <img
        src={version.thumbnailUrl}
        alt=""
        loading="lazy"
        className={cn('aspect-square bg-linen object-cover', className)}
      />
    );
  }
  return (
    <div className={cn('flex aspect-square items-center justify-center bg-linen text-ink-soft', className)}>
      {version.status === 'failed' ? (
        <span className="px-2 text-center text-[11px]">Not drawn</span>
      ) : (
        <Loader2 aria-hidden className="h-4 w-4 animate-spin" />
      )}
    </div>
  );
}

/**
 * The candidates drawn for the prompt, side by side; the chosen one is what the design prints and
 * sells. With one candidate per prompt (AI providers), says so instead.
 */
export function CandidatePicker({ list, onSelect, selecting }: Choose & { list: DesignVersionList }) {
  const candidates = list.items.filter((v) => v.kind === 'candidate');
  if (list.candidatesPerPrompt < 2 || candidates.length < 2) {
    return (
      <p className="rounded-xl bg-linen/70 px-3 py-2 text-xs text-ink-soft">
        This studio paints with an AI model: one design per try, about a minute each. Ask for a new variation
        to compare; every one is kept in the history.
      </p>
    );
  }
  return (
    <section aria-labelledby="candidates-h" className="flex flex-col gap-2">
      <div>
        <h3 id="candidates-h" className="text-sm font-semibold">
          Pick one of {candidates.length} candidates
        </h3>
        <p className="text-xs text-ink-soft">
          The one you pick is printed; the others stay here to switch back to.
        </p>
      </div>
      <ul aria-label="Candidates" className="grid grid-cols-4 gap-2">
        {candidates.map((v, i) => (
          <li key={v.id}>
            <button
              type="button"
              aria-label={`Candidate ${i + 1}`}
              aria-pressed={v.current}
              disabled={v.status !== 'ready' || selecting !== null}
              onClick={() => !v.current && onSelect(v)}
              className={cn(
                'group relative block w-full overflow-hidden rounded-xl border-2 transition',
                v.current
                  ? 'border-accent shadow-md'
                  : 'border-transparent hover:border-accent/40 disabled:opacity-60',
              )}
            >
              <Thumb version={v} />
              {v.current && (
                <span className="absolute top-1.5 right-1.5 rounded-full bg-accent p-0.5 text-white dark:text-paper">
                  <Check aria-hidden className="h-3 w-3" />
                </span>
              )}
              {selecting === v.id && (
                <span className="absolute inset-0 flex items-center justify-center bg-white/60 dark:bg-white/5">
                  <Loader2 aria-hidden className="h-5 w-5 animate-spin text-accent" />
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const versionLabel = (v: DesignVersion) =>
  v.kind === 'variation' ? `Variation ${v.number}` : `Candidate ${v.number}`;

/**
 * Every variation asked for after the first prompt, newest first: nothing is overwritten, and any
 * ready one can be restored. Hidden until there is a variation.
 */
export function VersionHistory({ list, onSelect, selecting }: Choose & { list: DesignVersionList }) {
  const variations = list.items.filter((v) => v.kind === 'variation').reverse();
  if (variations.length === 0) return null;
  return (
    <section aria-labelledby="history-h" className="flex flex-col gap-2">
      <h3 id="history-h" className="flex items-center gap-1.5 text-sm font-semibold">
        <History aria-hidden className="h-4 w-4 text-ink-soft" /> History
        <span className="font-normal text-ink-soft">· every variation is kept</span>
      </h3>
      <ul
        aria-label="History"
        className="flex flex-col divide-y divide-sand/70 rounded-xl border border-sand"
      >
        {variations.map((v) => (
          <li key={v.id} className="flex items-center gap-3 p-2">
            <Thumb version={v} className="h-12 w-12 shrink-0 rounded-lg" />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium">{versionLabel(v)}</p>
              <p className="truncate text-xs text-ink-soft">
                {v.status === 'failed' ? (v.failureReason ?? 'Not drawn') : formatDate(v.createdAt)}
              </p>
            </div>
            {v.current ? (
              <span className="inline-flex items-center gap-1 px-2 text-xs font-medium text-accent">
                <Check aria-hidden className="h-3.5 w-3.5" /> In use
              </span>
            ) : (
              <Button
                variant="outline"
                size="sm"
                disabled={v.status !== 'ready' || selecting !== null}
                loading={selecting === v.id}
                onClick={() => onSelect(v)}
                aria-label={`Restore ${versionLabel(v).toLowerCase()}`}
              >
                <RotateCcw aria-hidden className="h-3.5 w-3.5" /> Restore
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
