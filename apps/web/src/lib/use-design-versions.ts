import type { Design, DesignVersion } from '@btb/contracts';
import { useSelectVersion } from '../api/mutations.ts';
import { useDesignVersionsQuery } from '../api/queries.ts';
import { toast } from '../components/ui/toast.tsx';

/**
 * The versions of a design the viewer owns, read while `enabled` (e.g. once it is ready), and a
 * way to choose one; `onChosen` receives the design as it is after the switch.
 */
export function useDesignVersions(designId: string | null, enabled: boolean, onChosen: (d: Design) => void) {
  const query = useDesignVersionsQuery(designId, enabled);
  const choose = useSelectVersion(designId);

  function select(version: DesignVersion) {
    if (!designId) return;
    choose.mutate(version, {
      onSuccess: onChosen,
      onError: (err) => toast.error(err.message),
    });
  }

  return {
    // Not the owner, or offline: the page works without its history.
    list: enabled && !query.isError ? (query.data ?? null) : null,
    selecting: choose.isPending ? (choose.variables?.id ?? null) : null,
    select,
    reload: () => void query.refetch(),
  };
}
