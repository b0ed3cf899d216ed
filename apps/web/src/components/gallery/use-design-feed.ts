import type { ListDesignsQuery } from '@btb/contracts';
import { useEffect, useMemo, useRef } from 'react';
import { pagedItems, useDesignFeedQuery } from '../../api/queries.ts';

/**
 * The gallery's designs for a query: the first page, then the next ones as the sentinel nears the
 * viewport. Each query is its own cached feed, so going back to one shows it at once.
 */
export function useDesignFeed(query: ListDesignsQuery) {
  const feed = useDesignFeedQuery(query);
  const items = useMemo(() => pagedItems(feed.data), [feed.data]);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = feed;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || isError || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries[0]?.isIntersecting && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  return {
    items,
    loading: feed.isPending,
    loadingMore: isFetchingNextPage,
    error: feed.error,
    load: () => void feed.refetch(),
    sentinel,
  };
}
