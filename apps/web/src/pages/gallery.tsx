import type { Design } from '@btb/contracts';
import { Sparkles } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { DesignCard, DesignCardSkeleton } from '../components/design-card.tsx';
import { EmptyState, ErrorNote } from '../components/layout.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { countOf } from '../lib/format.ts';
import { useAuth } from '../stores/auth.ts';
import { GalleryFilters } from '../components/gallery/gallery-filters.tsx';
import { useDesignFeed } from '../components/gallery/use-design-feed.ts';
import { useDebouncedValue } from '../lib/use-debounce.ts';
import { useTitle } from '../lib/use-title.ts';

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

  const { items, loading, loadingMore, error, load, sentinel } = useDesignFeed(query);

  const anyFilter = Boolean(q || filters.category || filters.style || filters.color || filters.tag);

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

      <GalleryFilters
        signedIn={signedIn}
        scope={scope}
        update={update}
        search={search}
        setSearch={setSearch}
        filters={filters}
        anyFilter={anyFilter}
        setParams={setParams}
      />

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
