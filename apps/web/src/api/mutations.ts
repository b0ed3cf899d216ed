/** Changes to server state: each updates the cache it knows the answer for and invalidates what it affects. */
import type {
  CreateOrderBody,
  Design,
  DesignVersion,
  LikeResponse,
  Order,
  UpdateDesignBody,
  UpdateProfileBody,
  User,
} from '@btb/contracts';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../stores/auth.ts';
import { api } from './index.ts';
import { queryKeys, updatePagedItems } from './queries.ts';

/** A design changed: its page shows the answer, and every list that may hold it is read again. */
function designChanged(client: QueryClient, design: Design) {
  client.setQueryData(queryKeys.designs.detail(design.id), design);
  updatePagedItems<Design>(client, queryKeys.designs.feeds, (d) =>
    d.id === design.id ? { ...d, ...design } : d,
  );
  void client.invalidateQueries({ queryKey: queryKeys.designs.feeds });
  void client.invalidateQueries({ queryKey: queryKeys.trends });
}

export function useUpdateDesign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDesignBody }) => api.designs.update(id, body),
    onSuccess: (design) => designChanged(client, design),
  });
}

export function useDeleteDesign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.designs.remove(id),
    onSuccess: (_, id) => {
      // Marked, not removed: the page that deleted it is still on screen until it navigates away.
      void client.invalidateQueries({ queryKey: queryKeys.designs.detail(id), refetchType: 'none' });
      void client.invalidateQueries({ queryKey: queryKeys.designs.feeds });
      void client.invalidateQueries({ queryKey: queryKeys.trends });
    },
  });
}

export function useCreateDesign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: api.designs.create,
    onSuccess: (design) => {
      client.setQueryData(queryKeys.designs.detail(design.id), design);
      void client.invalidateQueries({ queryKey: queryKeys.designs.feeds });
    },
  });
}

export function useSelectVersion(designId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: DesignVersion) => api.designs.selectVersion(designId ?? '', version.id),
    onSuccess: (design) => {
      designChanged(client, design);
      return client.invalidateQueries({ queryKey: queryKeys.designs.versions(design.id) });
    },
  });
}

export interface LikeChange {
  designId: string;
  /** The state the person asked for. */
  liked: boolean;
}

/** The count a like or unlike makes of `likes` before it. */
export const likesAfter = (likes: number, liked: boolean) => Math.max(0, likes + (liked ? 1 : -1));

/**
 * Likes and unlikes, shown at once in every cached copy of the design (its page, the gallery) and
 * rolled back when the server says no; the server's count is taken when it answers.
 */
export function useLikeDesign() {
  const client = useQueryClient();
  const apply = (designId: string, state: LikeResponse | ((d: Design) => LikeResponse)) => {
    const update = (d: Design): Design => {
      if (d.id !== designId) return d;
      const next = typeof state === 'function' ? state(d) : state;
      return { ...d, likes: next.likes, likedByMe: next.liked };
    };
    client.setQueryData<Design>(queryKeys.designs.detail(designId), (d) => (d ? update(d) : d));
    updatePagedItems<Design>(client, queryKeys.designs.feeds, update);
  };
  return useMutation({
    mutationFn: ({ designId, liked }: LikeChange) =>
      liked ? api.designs.like(designId) : api.designs.unlike(designId),
    onMutate: async ({ designId, liked }) => {
      await client.cancelQueries({ queryKey: queryKeys.designs.detail(designId) });
      await client.cancelQueries({ queryKey: queryKeys.designs.feeds });
      const detail = client.getQueryData<Design>(queryKeys.designs.detail(designId));
      const feeds = client.getQueriesData({ queryKey: queryKeys.designs.feeds });
      apply(designId, (d) => ({
        liked,
        likes: Boolean(d.likedByMe) === liked ? d.likes : likesAfter(d.likes, liked),
      }));
      return { detail, feeds };
    },
    onError: (_err, { designId }, saved) => {
      if (!saved) return;
      if (saved.detail) client.setQueryData(queryKeys.designs.detail(designId), saved.detail);
      for (const [key, data] of saved.feeds) client.setQueryData(key, data);
    },
    onSuccess: (answer, { designId }) => apply(designId, answer),
    onSettled: (_answer, _err, { designId }) => {
      void client.invalidateQueries({ queryKey: queryKeys.designs.detail(designId) });
      // The gallery's order by likes may have moved: read again when next shown, not now under the cursor.
      void client.invalidateQueries({ queryKey: queryKeys.designs.feeds, refetchType: 'none' });
    },
  });
}

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => api.me.update(body),
    onSuccess: (user: User) => {
      client.setQueryData(queryKeys.me, user);
      useAuth.getState().setUser(user);
    },
  });
}

export function useCreateOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateOrderBody; idempotencyKey: string }) =>
      api.orders.create(body, idempotencyKey),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.orders.list }),
  });
}

export function useCancelOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.orders.cancel(id),
    onSuccess: (order: Order) => {
      client.setQueryData(queryKeys.orders.detail(order.id), order);
      return client.invalidateQueries({ queryKey: queryKeys.orders.list });
    },
  });
}
