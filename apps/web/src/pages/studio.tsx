import type { Design } from '@btb/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/index.ts';
import { queryKeys } from '../api/queries.ts';
import { PageHeader } from '../components/layout.tsx';
import { NewDesignForm } from '../components/studio/new-design-form.tsx';
import { StudioResultPanel } from '../components/studio/studio-result-panel.tsx';
import { useGeneration } from '../components/studio/use-generation.ts';
import { Card, CardContent } from '../components/ui/card.tsx';
import { useDesignVersions } from '../lib/use-design-versions.ts';
import { useTitle } from '../lib/use-title.ts';

export function StudioPage() {
  useTitle('Studio');
  const [params, setParams] = useSearchParams();
  const [restored, setRestored] = useState<Design | null>(null);
  const client = useQueryClient();
  const {
    designId,
    setDesignId,
    design,
    setDesign,
    final,
    setFinal,
    regenerating,
    onFinished,
    regenerate,
    resultRef,
    resultHeading,
  } = useGeneration();

  // Reopening /studio?design=… shows that design (and its progress if still generating).
  const restoreId = params.get('design');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the URL names another design
  useEffect(() => {
    if (!restoreId || restoreId === design?.id) return;
    client
      .fetchQuery({
        queryKey: queryKeys.designs.detail(restoreId),
        queryFn: () => api.designs.get(restoreId),
        staleTime: 0,
      })
      .then(
        (d) => {
          setDesign(d);
          // Reopened: its words come back for editing (a new prompt makes a new design).
          setRestored(d);
          if (d.status === 'ready' || d.status === 'failed') {
            setFinal({
              designId: d.id,
              status: d.status,
              progress: d.progress,
              message: d.failureReason ?? '',
            });
          } else {
            setFinal(null);
          }
          setDesignId(d.id);
        },
        () => setParams({}, { replace: true }),
      );
  }, [restoreId]);

  function onCreated(created: Design) {
    setDesign(created);
    setFinal(null);
    setDesignId(created.id);
    // Keep the design in the URL so a reload comes back to it.
    setParams({ design: created.id }, { replace: true });
    requestAnimationFrame(() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }

  const ready = final?.status === 'ready' && design?.status === 'ready';
  const versions = useDesignVersions(design?.id ?? null, ready, setDesign);
  const failed = final?.status === 'failed';

  return (
    <div>
      <PageHeader
        title="Studio"
        subtitle="Describe a garment in a sentence. We'll weave a seamless, print-ready pattern."
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Card>
          <CardContent className="p-5 sm:p-6">
            <NewDesignForm key={restored?.id ?? 'new'} restored={restored} onCreated={onCreated} />
          </CardContent>
        </Card>
        <StudioResultPanel
          ref={resultRef}
          headingRef={resultHeading}
          designId={designId}
          design={design}
          final={final}
          ready={ready}
          failed={failed}
          versions={versions}
          onFinished={onFinished}
          regenerate={regenerate}
          regenerating={regenerating}
        />
      </div>
    </div>
  );
}
