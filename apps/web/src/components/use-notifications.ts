import type { Notification, Page } from '@btb/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../api/index.ts';
import { queryKeys } from '../api/queries.ts';
import { useEventStream } from '../lib/sse.ts';

const notificationEvents = ['notification'] as const;

/**
 * The signed-in person's notifications: read once, then kept current by the live stream, which
 * writes each new one into the cache. Marking read shows at once and is undone if the server refuses.
 */
export function useNotifications(userId: string | undefined) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => api.notifications.list(),
    enabled: Boolean(userId),
    // The stream keeps it current.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const items = query.data?.items ?? [];

  const write = useCallback(
    (update: (items: Notification[]) => Notification[]) =>
      client.setQueryData<Page<Notification>>(queryKeys.notifications, (page) => ({
        nextCursor: page?.nextCursor ?? null,
        items: update(page?.items ?? []),
      })),
    [client],
  );

  const onLive = useCallback(
    (n: Notification) => {
      if (!n?.id) return;
      write((prev) => [n, ...prev.filter((p) => p.id !== n.id)].slice(0, 50));
    },
    [write],
  );
  useEventStream<Notification>(userId ? api.notifications.streamUrl : null, notificationEvents, onLive);

  async function markRead(n: Notification) {
    if (n.readAt) return;
    const readAt = new Date().toISOString();
    write((prev) => prev.map((p) => (p.id === n.id ? { ...p, readAt } : p)));
    try {
      await api.notifications.read(n.id);
    } catch {
      write((prev) => prev.map((p) => (p.id === n.id ? { ...p, readAt: null } : p)));
    }
  }

  async function markAll() {
    const before = items;
    const now = new Date().toISOString();
    write((prev) => prev.map((p) => (p.readAt ? p : { ...p, readAt: now })));
    try {
      await api.notifications.readAll();
    } catch {
      write(() => before);
    }
  }

  return { items, loading: query.isLoading, markRead, markAll };
}
