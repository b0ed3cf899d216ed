import type { Design, GenerationProgress } from '@btb/contracts';
import { AlertTriangle, CheckCircle2, Sparkles } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/index.ts';
import { cn } from '../lib/cn.ts';
import { useEventStream } from '../lib/sse.ts';

const progressEvents = ['progress'] as const;
const done = (s: string) => s === 'ready' || s === 'failed';

/**
 * Live progress of a design's generation: the SSE stream of GenerationProgress,
 * with polling as a fallback when the stream cannot be opened.
 */
export function useGenerationProgress(
  designId: string | null,
  onFinished?: (progress: GenerationProgress) => void,
): GenerationProgress | null {
  const [progress, setProgress] = useState<GenerationProgress | null>(null);
  const [polling, setPolling] = useState(false);
  const finished = useRef<string | null>(null);
  const finishedCb = useRef(onFinished);
  finishedCb.current = onFinished;

  useEffect(() => {
    setProgress(designId ? { designId, status: 'queued', progress: 0, message: 'Queued…' } : null);
    setPolling(false);
    finished.current = null;
  }, [designId]);

  const accept = useCallback((p: GenerationProgress) => {
    if (finished.current === p.designId) return;
    setProgress((prev) =>
      prev && prev.designId === p.designId && prev.progress > p.progress && !done(p.status) ? prev : p,
    );
    if (done(p.status)) {
      finished.current = p.designId;
      finishedCb.current?.(p);
    }
  }, []);

  const active = designId && finished.current !== designId;
  useEventStream<GenerationProgress>(
    active ? api.designs.eventsUrl(designId) : null,
    progressEvents,
    accept,
    () => {
      // The stream could not be opened or dropped: poll until the design is done.
      if (finished.current !== designId) setPolling(true);
    },
  );

  useEffect(() => {
    if (!designId || !polling) return;
    let stopped = false;
    const tick = async () => {
      try {
        const d: Design = await api.designs.get(designId);
        if (stopped) return;
        accept({
          designId,
          status: d.status,
          progress: d.status === 'ready' ? 100 : d.progress,
          message: d.status === 'failed' ? (d.failureReason ?? 'Generation failed') : statusMessage(d.status),
        });
        if (done(d.status)) stopped = true;
      } catch {
        // keep polling
      }
      if (!stopped) setTimeout(tick, 1500);
    };
    const t = setTimeout(tick, 800);
    return () => {
      stopped = true;
      clearTimeout(t);
    };
  }, [designId, polling, accept]);

  return progress;
}

function statusMessage(status: string): string {
  if (status === 'queued') return 'Waiting for a free loom…';
  if (status === 'generating') return 'Weaving your pattern…';
  if (status === 'ready') return 'Your design is ready';
  return status;
}

export function GenerationProgressView({ progress }: { progress: GenerationProgress }) {
  const failed = progress.status === 'failed';
  const ready = progress.status === 'ready';
  const pct = ready ? 100 : progress.progress;
  return (
    <div className="flex flex-col gap-3" data-testid="generation-progress">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="flex items-center gap-2 font-medium">
          {failed ? (
            <AlertTriangle aria-hidden className="h-4 w-4 text-danger" />
          ) : ready ? (
            <CheckCircle2 aria-hidden className="h-4 w-4 text-sage" />
          ) : (
            <Sparkles aria-hidden className="h-4 w-4 animate-pulse text-accent" />
          )}
          {failed
            ? 'Generation failed'
            : ready
              ? 'Ready'
              : progress.status === 'queued'
                ? 'Queued'
                : 'Generating'}
        </span>
        <span className="tabular-nums text-ink-soft">{pct}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Design generation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2.5 w-full overflow-hidden rounded-full bg-linen"
      >
        <div
          className={cn(
            'h-full rounded-full transition-[width] duration-500 ease-out',
            failed ? 'bg-danger' : ready ? 'bg-sage' : 'bg-accent',
          )}
          style={{ width: `${pct}%` }}
        />
      </div>
      <p aria-live="polite" className={cn('text-sm', failed ? 'text-danger' : 'text-ink-soft')}>
        {progress.message}
      </p>
    </div>
  );
}

export function GenerationProgressLive({
  designId,
  onFinished,
}: {
  designId: string;
  onFinished?: (p: GenerationProgress) => void;
}) {
  const progress = useGenerationProgress(designId, onFinished);
  if (!progress) return null;
  return <GenerationProgressView progress={progress} />;
}
