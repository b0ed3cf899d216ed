import type { Design, DesignVersion, DesignVersionList } from '@btb/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/index.ts';
import { toast } from '../components/ui/toast.tsx';

/**
 * The versions of a design the viewer owns, loaded while `enabled` (e.g. once it is ready), and a
 * way to choose one; `onChosen` receives the design as it is after the switch.
 */
export function useDesignVersions(designId: string | null, enabled: boolean, onChosen: (d: Design) => void) {
  const [list, setList] = useState<DesignVersionList | null>(null);
  const [selecting, setSelecting] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!designId) return;
    try {
      setList(await api.designs.versions(designId));
    } catch {
      // Not the owner, or offline: the page works without its history.
      setList(null);
    }
  }, [designId]);

  useEffect(() => {
    if (enabled) void reload();
    else setList(null);
  }, [enabled, reload]);

  const select = useCallback(
    async (version: DesignVersion) => {
      if (!designId) return;
      setSelecting(version.id);
      try {
        onChosen(await api.designs.selectVersion(designId, version.id));
        await reload();
      } catch (err) {
        toast.error((err as Error).message);
      } finally {
        setSelecting(null);
      }
    },
    [designId, onChosen, reload],
  );

  return { list, selecting, select, reload };
}
