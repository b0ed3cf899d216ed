import type { Design, Trends } from '@btb/contracts';
import { categories, styles } from '@btb/contracts/enums';
import { Search, Sparkles, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/index.ts';
import { DesignCard, DesignCardSkeleton } from '../components/design-card.tsx';
import { EmptyState, ErrorNote } from '../components/layout.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Input, Select } from '../components/ui/input.tsx';
import { cn } from '../lib/cn.ts';
import { countOf, humanize } from '../lib/format.ts';
import { useAuth } from '../stores/auth.ts';
import { swatches } from '../lib/palette.ts';
import { useDebouncedValue } from '../lib/use-debounce.ts';
import { useTitle } from '../lib/use-title.ts';

const sorts = [
  { value: 'new', label: 'Newest' },
  { value: 'top', label: 'Most liked' },
  { value: 'trending', label: 'Trending' },
] as const;

const PAGE = 24;

export function GalleryPage() {
  useTitle('Gallery');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const signedIn = useAuth((s) => Boolean(s.user));
  const scope = signedIn && params.get('scope') === 'mine' ? 'mine' : 'public';
  const filters = {
    category: params.get('category') ?? '',
    style: params.get('style') ?? '',
    color: params.get('color') ?? '',
    tag: params.get('tag') ?? '',
    sort: params.get('sort') ?? '',
  };
  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search, 350);
  const [items, setItems] = useState<Design[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [trends, setTrends] = useState<Trends | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const generation = useRef(0);

  const update = useCallback(
    (key: string, value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  useEffect(() => {
    if (debounced.trim() !== q) update('q', debounced.trim());
  }, [debounced, q, update]);

  useEffect(() => {
    api.trends().then(setTrends, () => {});
  }, []);

  const query = {
    scope: scope as 'public' | 'mine',
    q: q || undefined,
    category: (filters.category || undefined) as Design['category'] | undefined,
    style: (filters.style || undefined) as Design['style'] | undefined,
    color: filters.color || undefined,
    tag: filters.tag || undefined,
    sort: (filters.sort || undefined) as 'new' | 'top' | 'trending' | undefined,
    limit: PAGE,
  };
  const key = JSON.stringify(query);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api.designs.list(JSON.parse(key));
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (err) {
      if (mine === generation.current) {
        setError(err);
        setItems([]);
        setCursor(null);
      }
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [key]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await api.designs.list({ ...JSON.parse(key), cursor });
      if (mine !== generation.current) return;
      setItems((prev) => [...prev, ...page.items.filter((d) => !prev.some((p) => p.id === d.id))]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, key, loadingMore]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries[0]?.isIntersecting && void loadMore(), {
      rootMargin: '600px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [cursor, loadMore]);

  const anyFilter = Boolean(q || filters.category || filters.style || filters.color || filters.tag);
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
    <div className="flex flex-col gap-6">
      <section className="relative overflow-hidden rounded-3xl bg-ink px-5 py-7 text-paper sm:px-10 dark:bg-linen dark:text-ink sm:py-14">
        <div
          aria-hidden
          className="absolute inset-0 opacity-20"
          style={{
            backgroundImage:
              'radial-gradient(circle at 20% 30%, #b9461b 0 2px, transparent 3px), radial-gradient(circle at 70% 60%, #f4a6a0 0 2px, transparent 3px)',
            backgroundSize: '36px 36px, 52px 52px',
          }}
        />
        <div className="relative max-w-2xl">
          <p className="text-xs font-medium tracking-[0.2em] text-accent-soft uppercase dark:text-accent">
            The gallery
          </p>
          <h1 className="mt-2 text-[1.7rem] leading-tight font-semibold sm:mt-3 sm:text-5xl">
            Prints dreamt up in a sentence.
          </h1>
          <p className="mt-3 text-sm text-paper/75 sm:text-lg dark:text-ink-soft">
            Browse seamless textile designs from the community, or describe your own and wear it next week.
          </p>
          <ButtonLink to="/studio" variant="accent" size="lg" className="mt-5 sm:mt-6">
            <Sparkles aria-hidden className="h-4 w-4" /> Design a print
          </ButtonLink>
        </div>
      </section>

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

      {error ? <ErrorNote error={error} retry={load} /> : null}

      {/* The cards' titles are h3s: this keeps the outline whole under the page's h1. */}
      <h2 className="sr-only">{scope === 'mine' ? 'Your designs' : 'Designs'}</h2>
      <p className="sr-only" aria-live="polite">
        {loading ? 'Loading designs' : `${countOf(items.length, 'design')} shown`}
      </p>
      {loading ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <DesignCardSkeleton key={i} />
          ))}
        </div>
      ) : items.length === 0 && !error ? (
        <EmptyState
          icon={<Sparkles className="h-8 w-8" />}
          title={
            anyFilter
              ? 'No designs match'
              : scope === 'mine'
                ? 'You have no designs yet'
                : 'The gallery is empty'
          }
        >
          {anyFilter ? (
            'Try a different word or clear a filter.'
          ) : scope === 'mine' ? (
            <>
              Your designs appear here, private or published:{' '}
              <a href="/studio" className="font-medium text-accent underline">
                describe your first print in the studio
              </a>
              .
            </>
          ) : (
            <>
              Be the first:{' '}
              <a href="/studio" className="font-medium text-accent underline">
                describe a print in the studio
              </a>
              .
            </>
          )}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4" aria-label="Designs">
          {items.map((d) => (
            <li key={d.id}>
              <DesignCard design={d} />
            </li>
          ))}
          {loadingMore &&
            Array.from({ length: 4 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
              <li key={`more-${i}`}>
                <DesignCardSkeleton />
              </li>
            ))}
        </ul>
      )}
      <div ref={sentinel} aria-hidden className="h-4" />
    </div>
  );
}
