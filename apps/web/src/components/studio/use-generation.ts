import type { Design, GenerationProgress } from '@btb/contracts';
import { useCallback, useRef, useState } from 'react';
import { api } from '../../api/index.ts';
import { toast } from '../ui/toast.tsx';

/** The design being generated in the studio: its live progress, the outcome, new variations and focus. */
export function useGeneration() {
  const [designId, setDesignId] = useState<string | null>(null);
  const [design, setDesign] = useState<Design | null>(null);
  const [final, setFinal] = useState<GenerationProgress | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const onFinished = useCallback(async (p: GenerationProgress) => {
    setFinal(p);
    try {
      setDesign(await api.designs.get(p.designId));
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
  }, []);

  async function regenerate() {
    if (!design) return;
    setRegenerating(true);
    try {
      const next = await api.designs.regenerate(design.id);
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
