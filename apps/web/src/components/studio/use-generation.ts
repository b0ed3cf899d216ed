import type { Design, GenerationProgress } from '@btb/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api } from '../../api/index.ts';
import { queryKeys } from '../../api/queries.ts';
import { toast } from '../ui/toast.tsx';

/** The design being generated in the studio: its live progress, the outcome, new variations and focus. */
export function useGeneration() {
  const [designId, setDesignId] = useState<string | null>(null);
  const [design, setDesign] = useState<Design | null>(null);
  const [final, setFinal] = useState<GenerationProgress | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const onFinished = useCallback(
    async (p: GenerationProgress) => {
      setFinal(p);
      try {
        // Read afresh, so the design's page and the gallery show the finished design too.
        setDesign(
          await client.fetchQuery({
            queryKey: queryKeys.designs.detail(p.designId),
            queryFn: () => api.designs.get(p.designId),
            staleTime: 0,
          }),
        );
        void client.invalidateQueries({ queryKey: queryKeys.designs.feeds });
      } catch {
        // keep the progress result
      }
      if (p.status === 'ready') toast.success('Your design is ready');
      // The button that started it was disabled while it ran, so focus fell to the page: bring it to
      // the result, unless the person has already moved on to something else.
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (!active || active === document.body || resultRef.current?.contains(active))
          resultHeading.current?.focus();
      });
    },
    [client],
  );

  async function regenerate() {
    if (!design) return;
    setRegenerating(true);
    try {
      const next = await api.designs.regenerate(design.id);
      client.setQueryData(queryKeys.designs.detail(next.id), next);
      setDesign(next);
      setFinal(null);
      // Same id: remount the live progress so it subscribes again.
      setDesignId(null);
      requestAnimationFrame(() => setDesignId(next.id));
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setRegenerating(false);
    }
  }

  return {
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
  };
}
