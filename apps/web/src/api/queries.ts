/**
 * Server state, read through TanStack Query: every query key lives here, and each resource has its
 * hook. Mutations (in mutations.ts) update or invalidate these keys.
 */
import type { ListDesignsQuery, OrderStatus, Page, PublicConfig } from '@btb/contracts';
import {
  type InfiniteData,
  type QueryClient,
  type QueryKey,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { api } from './index.ts';

export const queryKeys = {
  config: ['config'] as const,
  me: ['me'] as const,
  products: ['catalog', 'products'] as const,
  trends: ['trends'] as const,
  designs: {
    all: ['designs'] as const,
    feeds: ['designs', 'feed'] as const,
    feed: (query: ListDesignsQuery) => ['designs', 'feed', query] as const,
    detail: (id: string) => ['designs', 'detail', id] as const,
    versions: (id: string) => ['designs', 'versions', id] as const,
  },
  orders: {
    all: ['orders'] as const,
    list: ['orders', 'list'] as const,
    detail: (id: string) => ['orders', 'detail', id] as const,
  },
  notifications: ['notifications'] as const,
  admin: {
    all: ['admin'] as const,
    stats: ['admin', 'stats'] as const,
    users: (q: string) => ['admin', 'users', q] as const,
    designs: (q: string) => ['admin', 'designs', q] as const,
    orders: (status: OrderStatus | '') => ['admin', 'orders', status] as const,
  },
};

/** Keyset paging: the next page's cursor, or none. */
const nextCursor = (last: Page<unknown>) => last.nextCursor ?? undefined;
const firstPage = null as string | null;

/** The items of every loaded page, each once (a page boundary may repeat one). */
export function pagedItems<T extends { id: string }>(data: InfiniteData<Page<T>> | undefined): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const page of data?.pages ?? [])
    for (const item of page.items)
      if (!seen.has(item.id)) {
        seen.add(item.id);
        out.push(item);
      }
  return out;
}

/** Rewrites the cached items of every paged list under `key` (an optimistic change, or the server's answer). */
export function updatePagedItems<T extends { id: string }>(
  client: QueryClient,
  key: QueryKey,
  update: (item: T) => T,
) {
  client.setQueriesData<InfiniteData<Page<T>>>({ queryKey: key }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map(update) })) } : data,
  );
}

export function useDesignFeedQuery(query: ListDesignsQuery) {
  return useInfiniteQuery({
    queryKey: queryKeys.designs.feed(query),
    queryFn: ({ pageParam, signal }) =>
      api.designs.list({ ...query, cursor: pageParam ?? undefined }, signal),
    initialPageParam: firstPage,
    getNextPageParam: nextCursor,
  });
}

export function useDesign(id: string) {
  return useQuery({
    queryKey: queryKeys.designs.detail(id),
    queryFn: () => api.designs.get(id),
    enabled: !!id,
  });
}

/** The versions of a design the viewer owns; without them (not the owner, offline) the page still works. */
export function useDesignVersionsQuery(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.designs.versions(id ?? ''),
    queryFn: () => api.designs.versions(id ?? ''),
    enabled: enabled && !!id,
    retry: false,
    staleTime: 0,
  });
}

/** The catalogue changes rarely: read once a session. */
export function useProducts() {
  return useQuery({
    queryKey: queryKeys.products,
    queryFn: api.catalog.products,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useTrends() {
  return useQuery({ queryKey: queryKeys.trends, queryFn: api.trends, staleTime: 5 * 60_000 });
}

const noConfig: PublicConfig = { mapboxToken: null, paymentProvider: 'test', stripePublishableKey: null };

/** The public configuration; without it the app falls back to the built-in test settings. */
export function useConfig() {
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: () => api.config().catch(() => noConfig),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.me.get, staleTime: 0 });
}

export function useOrders() {
  return useInfiniteQuery({
    queryKey: queryKeys.orders.list,
    queryFn: ({ pageParam }) => api.orders.list(pageParam ?? undefined),
    initialPageParam: firstPage,
    getNextPageParam: nextCursor,
    staleTime: 0,
  });
}

const settledOrder: OrderStatus[] = ['delivered', 'cancelled', 'payment_failed', 'fulfillment_failed'];

/** One order, followed every 2.5 s while it is still moving. */
export function useOrder(id: string) {
  return useQuery({
    queryKey: queryKeys.orders.detail(id),
    queryFn: () => api.orders.get(id),
    staleTime: 0,
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status && !settledOrder.includes(status) ? 2500 : false;
    },
  });
}

export function useAdminStats() {
  return useQuery({ queryKey: queryKeys.admin.stats, queryFn: api.admin.stats, staleTime: 0 });
}

/** A paged admin list under `key`, read page by page from `fetchPage`. */
export function useAdminList<T extends { id: string }>(
  key: QueryKey,
  fetchPage: (cursor?: string) => Promise<Page<T>>,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam ?? undefined),
    initialPageParam: firstPage,
    getNextPageParam: nextCursor,
    staleTime: 0,
  });
  return { ...query, items: query.data ? pagedItems(query.data) : null };
}
