/** What every admin list shares: the search box, the keyboard-scrollable table and keyset paging. */
import type { Page } from '@btb/contracts';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { updatePagedItems, useAdminList } from '../../api/queries.ts';
import { EmptyState, ErrorNote } from '../layout.tsx';
import { Button } from '../ui/button.tsx';
import { Input } from '../ui/input.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

export function SearchBox({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
}) {
  return (
    <div className="relative max-w-sm flex-1">
      <Search
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-3.5 h-4 w-4 -translate-y-1/2 text-ink-soft"
      />
      <Input
        type="search"
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="pl-10"
      />
    </div>
  );
}

function TableShell({ children, label }: { children: React.ReactNode; label: string }) {
  // A region that scrolls sideways on a phone must be reachable, and scrollable, by keyboard.
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to scroll by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-2xl border border-sand bg-white/70 dark:bg-white/5"
    >
      <table className="w-full min-w-[40rem] text-left text-sm">{children}</table>
    </section>
  );
}

const th = 'px-4 py-3 text-xs font-medium text-ink-soft';

export const td = 'px-4 py-3 align-middle';

/** A paged admin list, cached under `key` (which names its filter), and a way to change its rows in place. */
export function usePaged<T extends { id: string }>(
  key: QueryKey,
  fetchPage: (cursor?: string) => Promise<Page<T>>,
) {
  const client = useQueryClient();
  const list = useAdminList(key, fetchPage);
  return {
    items: list.items,
    hasMore: list.hasNextPage,
    error: list.error,
    load: () => void list.refetch(),
    more: () => void list.fetchNextPage(),
    updateItems: (update: (item: T) => T) => updatePagedItems<T>(client, key, update),
  };
}

/**
 * An admin list: error with retry, loading skeleton, empty state, the table and "Load more".
 * A column named '' is an actions column, labelled for screen readers only.
 */
export function PagedTable<T extends { id: string }>({
  paged,
  empty,
  label,
  columns,
  renderRow,
}: {
  label: string;
  paged: Pick<ReturnType<typeof usePaged<T>>, 'items' | 'hasMore' | 'error' | 'load' | 'more'>;
  empty: string;
  columns: string[];
  renderRow: (item: T) => React.ReactNode;
}) {
  const { items, hasMore, error, load, more } = paged;
  return (
    <>
      {error ? <ErrorNote error={error} retry={load} /> : null}
      {!items && !error ? (
        <Skeleton className="h-64" />
      ) : items?.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        items && (
          <TableShell label={label}>
            <thead>
              <tr className="border-b border-sand">
                {columns.map((c) => (
                  <th key={c || 'actions'} className={th}>
                    {c || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{items.map(renderRow)}</tbody>
          </TableShell>
        )
      )}
      {hasMore && (
        <Button variant="outline" className="self-center" onClick={more}>
          Load more
        </Button>
      )}
    </>
  );
}
