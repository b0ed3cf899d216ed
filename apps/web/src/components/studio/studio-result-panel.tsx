import type { Design, GenerationProgress } from '@btb/contracts';
import { RefreshCw, Sparkles } from 'lucide-react';
import type { Ref } from 'react';
import type { useDesignVersions } from '../../lib/use-design-versions.ts';
import { GenerationProgressLive } from '../generation-progress.tsx';
import { StudioResult } from '../studio-result.tsx';
import { Button } from '../ui/button.tsx';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.tsx';

/** The studio's right-hand side: a placeholder, the live progress, a failure, or the result. */
export function StudioResultPanel({
  ref,
  headingRef,
  designId,
  design,
  final,
  ready,
  failed,
  versions,
  onFinished,
  regenerate,
  regenerating,
}: {
  ref: Ref<HTMLDivElement>;
  headingRef: Ref<HTMLHeadingElement>;
  designId: string | null;
  design: Design | null;
  final: GenerationProgress | null;
  ready: boolean;
  failed: boolean;
  versions: ReturnType<typeof useDesignVersions>;
  onFinished: (p: GenerationProgress) => void;
  regenerate: () => void;
  regenerating: boolean;
}) {
  return (
    <div ref={ref} className="scroll-mt-24">
      {!designId && !design ? (
        <div className="flex h-full min-h-72 flex-col items-center justify-center gap-3 rounded-2xl border border-dashed border-sand p-8 text-center">
          <Sparkles aria-hidden className="h-8 w-8 text-accent" />
          <h2 className="text-lg font-semibold">Your print appears here</h2>
          <p className="max-w-sm text-sm text-ink-soft">
            Pick an example or write your own. Generation takes a few seconds; you'll see every step.
          </p>
        </div>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle ref={headingRef} tabIndex={-1} className="focus:outline-none">
              {design?.title ?? 'Your design'}
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-5">
            {designId && !final && <GenerationProgressLive designId={designId} onFinished={onFinished} />}
            {failed && (
              <div
                role="alert"
                className="flex flex-col gap-3 rounded-xl border border-red-200 dark:border-red-900/60 bg-red-50 dark:bg-red-950/40 p-4"
              >
                <p className="text-sm text-danger">
                  <strong>Generation failed.</strong> {design?.failureReason ?? final?.message}
                </p>
                <div>
                  <Button variant="outline" size="sm" onClick={regenerate} loading={regenerating}>
                    <RefreshCw aria-hidden className="h-3.5 w-3.5" /> Try again
                  </Button>
                </div>
              </div>
            )}
            {ready && design && (
              <StudioResult
                design={design}
                versions={versions.list}
                selecting={versions.selecting}
                onSelect={versions.select}
                onRegenerate={regenerate}
                regenerating={regenerating}
              />
            )}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
