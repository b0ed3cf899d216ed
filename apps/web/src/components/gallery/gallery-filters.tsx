import { categories, styles } from '@btb/contracts/enums';
import { Search, X } from 'lucide-react';
import { useTrends } from '../../api/queries.ts';
import type { SetURLSearchParams } from 'react-router';
import { cn } from '../../lib/cn.ts';
import { humanize } from '../../lib/format.ts';
import { swatches } from '../../lib/palette.ts';
import { Input, Select } from '../ui/input.tsx';

const sorts = [
  { value: 'new', label: 'Newest' },
  { value: 'top', label: 'Most liked' },
  { value: 'trending', label: 'Trending' },
] as const;

export type GalleryFilterValues = {
  category: string;
  style: string;
  color: string;
  tag: string;
  sort: string;
};

/** Whose designs, search, garment, style, sort, and the colours and tags in fashion this week. */
export function GalleryFilters({
  signedIn,
  scope,
  update,
  search,
  setSearch,
  filters,
  anyFilter,
  setParams,
}: {
  signedIn: boolean;
  scope: 'public' | 'mine';
  update: (key: string, value: string) => void;
  search: string;
  setSearch: (value: string) => void;
  filters: GalleryFilterValues;
  anyFilter: boolean;
  setParams: SetURLSearchParams;
}) {
  // Without trends (offline, or not yet read) the filters offer the built-in swatches.
  const { data: trends } = useTrends();

  const topTags = trends?.tags.slice(0, 10).map((t) => t.value) ?? [];
  // The server matches colours exactly, so offer the colours designs actually use (from trends).
  const trendColors = trends?.colors
    .slice(0, 10)
    .map((c) => ({ hex: c.value.toLowerCase(), name: c.value.toUpperCase() }));
  const baseColors = trendColors?.length ? trendColors : swatches;
  const colorChips =
    filters.color && !baseColors.some((c) => c.hex === filters.color.toLowerCase())
      ? [{ hex: filters.color.toLowerCase(), name: filters.color.toUpperCase() }, ...baseColors]
      : baseColors;
  const tagChips = filters.tag && !topTags.includes(filters.tag) ? [filters.tag, ...topTags] : topTags;

  return (
    <section aria-label="Filters" className="flex flex-col gap-3">
      {signedIn && (
        <fieldset className="self-start">
          <legend className="sr-only">Whose designs</legend>
          <div className="flex gap-1 rounded-full bg-linen p-1">
            {(
              [
                ['public', 'Everyone'],
                ['mine', 'My designs'],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                aria-pressed={scope === value}
                onClick={() => update('scope', value === 'mine' ? 'mine' : '')}
                className={cn(
                  'rounded-full px-4 py-1.5 text-sm font-medium transition-colors',
                  scope === value
                    ? 'bg-white text-ink shadow-sm dark:bg-sand'
                    : 'text-ink-soft hover:text-ink',
                )}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <div className="relative flex-1">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3.5 h-4 w-4 -translate-y-1/2 text-ink-soft"
          />
          <label htmlFor="gallery-search" className="sr-only">
            Search designs
          </label>
          <Input
            id="gallery-search"
            type="search"
            placeholder="Search: lemons, paisley, navy linen…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="pl-10"
          />
        </div>
        <div className="grid grid-cols-3 gap-2 sm:flex">
          <label className="sr-only" htmlFor="f-category">
            Category
          </label>
          <Select
            id="f-category"
            value={filters.category}
            onChange={(e) => update('category', e.target.value)}
            className="sm:w-36"
          >
            <option value="">Garment</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {humanize(c)}
              </option>
            ))}
          </Select>
          <label className="sr-only" htmlFor="f-style">
            Style
          </label>
          <Select
            id="f-style"
            value={filters.style}
            onChange={(e) => update('style', e.target.value)}
            className="sm:w-32"
          >
            <option value="">Style</option>
            {styles.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </Select>
          <label className="sr-only" htmlFor="f-sort">
            Sort
          </label>
          <Select
            id="f-sort"
            value={filters.sort || 'new'}
            onChange={(e) => update('sort', e.target.value === 'new' ? '' : e.target.value)}
            className="sm:w-36"
          >
            {sorts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <fieldset>
          <legend className="sr-only">Colour</legend>
          <div className="flex flex-wrap items-center gap-1.5">
            {colorChips.map((s) => {
              const active = filters.color.toLowerCase() === s.hex;
              return (
                <button
                  key={s.hex}
                  type="button"
                  title={s.name}
                  aria-label={`${s.name} colour`}
                  aria-pressed={active}
                  onClick={() => update('color', active ? '' : s.hex)}
                  className={cn(
                    'h-7 w-7 rounded-full border border-black/10 dark:border-white/20 transition-transform hover:scale-110',
                    active && 'ring-2 ring-accent ring-offset-2 ring-offset-paper',
                  )}
                  style={{ backgroundColor: s.hex }}
                />
              );
            })}
          </div>
        </fieldset>
        {tagChips.length > 0 && (
          <fieldset>
            <legend className="sr-only">Popular tags</legend>
            <div className="flex flex-wrap gap-1.5">
              {tagChips.map((t) => {
                const active = filters.tag === t;
                return (
                  <button
                    key={t}
                    type="button"
                    aria-pressed={active}
                    onClick={() => update('tag', active ? '' : t)}
                    className={cn(
                      'rounded-full border px-3 py-1 text-xs font-medium transition-colors',
                      active
                        ? 'border-ink bg-ink text-paper'
                        : 'border-sand bg-white/70 dark:bg-white/5 hover:bg-linen',
                    )}
                  >
                    #{t}
                  </button>
                );
              })}
            </div>
          </fieldset>
        )}
        {anyFilter && (
          <button
            type="button"
            onClick={() => {
              setSearch('');
              setParams(filters.sort ? { sort: filters.sort } : {}, { replace: true });
            }}
            className="inline-flex items-center gap-1 text-xs font-medium text-accent hover:underline"
          >
            <X aria-hidden className="h-3 w-3" /> Clear filters
          </button>
        )}
      </div>
    </section>
  );
}
