/** The admin's designs: hide one from the gallery (after confirming) or show it again. */
import type { Design } from '@btb/contracts';
import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { queryKeys } from '../../api/queries.ts';
import { DesignThumb } from '../design-card.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { useConfirm } from '../ui/confirm.tsx';
import { toast } from '../ui/toast.tsx';
import { cn } from '../../lib/cn.ts';
import { useDebouncedValue } from '../../lib/use-debounce.ts';
import { SearchBox, td, usePaged, PagedTable } from './paged-table.tsx';

export function DesignsPanel() {
  const [q, setQ] = useState('');
  const dq = useDebouncedValue(q, 300);
  const paged = usePaged<Design>(queryKeys.admin.designs(dq), (c) => api.admin.designs(dq || undefined, c));
  const client = useQueryClient();
  const { confirm, dialog } = useConfirm();

  async function toggle(d: Design) {
    const hidden = !d.hidden;
    if (
      hidden &&
      !(await confirm({
        title: `Hide "${d.title}"?`,
        description: 'It leaves the gallery, search and its public link for everyone but its owner.',
        confirmLabel: 'Hide design',
        danger: true,
      }))
    )
      return;
    paged.updateItems((x) => (x.id === d.id ? { ...x, hidden } : x));
    try {
      await api.admin.updateDesign(d.id, { hidden });
      // The gallery and the design's page no longer show it (or show it again).
      void client.invalidateQueries({ queryKey: queryKeys.designs.all });
      toast.success(hidden ? `"${d.title}" hidden from the gallery` : `"${d.title}" visible again`);
    } catch (err) {
      paged.updateItems((x) => (x.id === d.id ? { ...x, hidden: d.hidden } : x));
      toast.error((err as Error).message);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {dialog}
      <SearchBox value={q} onChange={setQ} label="Search designs" />
      <PagedTable
        paged={paged}
        empty="No designs match"
        label="Designs"
        columns={['Design', 'Author', 'Status', 'Likes', 'Visibility']}
        renderRow={(d) => (
          <tr key={d.id} className="border-b border-sand/60 last:border-0" data-design-id={d.id}>
            <td className={td}>
              <div className="flex items-center gap-3">
                <DesignThumb design={d} className="h-10 w-10 shrink-0 rounded-lg object-cover" />
                <Link to={`/designs/${d.id}`} className="font-medium hover:underline">
                  {d.title}
                </Link>
              </div>
            </td>
            <td className={cn(td, 'text-ink-soft')}>{d.author?.name}</td>
            <td className={td}>
              <Badge tone={d.status === 'ready' ? 'success' : d.status === 'failed' ? 'danger' : 'warning'}>
                {d.status}
              </Badge>
              {!d.isPublic && <Badge className="ml-1">private</Badge>}
            </td>
            <td className={cn(td, 'tabular-nums')}>{d.likes}</td>
            <td className={td}>
              <Button
                size="sm"
                variant={d.hidden ? 'secondary' : 'outline'}
                onClick={() => toggle(d)}
                aria-pressed={d.hidden}
              >
                {d.hidden ? (
                  <EyeOff aria-hidden className="h-3.5 w-3.5" />
                ) : (
                  <Eye aria-hidden className="h-3.5 w-3.5" />
                )}
                {d.hidden ? 'Hidden — show' : 'Hide'}
              </Button>
            </td>
          </tr>
        )}
      />
    </div>
  );
}
