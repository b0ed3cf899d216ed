import type { Design } from '@btb/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/index.ts';

/**
 * The gallery's designs for a query (`key`, its JSON): the first page, then the next ones as the
 * sentinel nears the viewport; answers to an older query are dropped.
 */
export function useDesignFeed(key: string) {
  const [items, setItems] = useState<Design[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const generation = useRef(0);

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

  return { items, loading, loadingMore, error, load, sentinel };
}
