import type { Design, Page } from '@btb/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../api/queries.ts';
import { design } from '../test/designs.ts';
import { json, renderWithClient, signInAs, testQueryClient } from '../test/helpers.tsx';
import { LikeButton } from './like-button.tsx';
import { useToasts } from './ui/toast.tsx';

const id = '00000000-0000-4000-8000-0000000000aa';

beforeEach(() => signInAs());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('like button', () => {
  it('toggles optimistically before the server answers, then takes the server count', async () => {
    const answer = deferred<Response>();
    const fetch = vi.fn(() => answer.promise);
    vi.stubGlobal('fetch', fetch);
    renderWithClient(<LikeButton designId={id} likes={4} liked={false} />);
    const button = screen.getByRole('button', { name: 'Like, 4 likes', pressed: false });
    fireEvent.click(button);
    // Optimistic: already liked and counted.
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByTestId('like-count').textContent).toBe('5');
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/designs/${id}/like`);
    expect(init.method).toBe('PUT');
    await act(async () => answer.resolve(json(200, { liked: true, likes: 7 })));
    await waitFor(() => expect(screen.getByTestId('like-count').textContent).toBe('7'));
  });

  it('rolls back when the server refuses', async () => {
    const answer = deferred<Response>();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => answer.promise),
    );
    renderWithClient(<LikeButton designId={id} likes={3} liked={true} />);
    const button = screen.getByRole('button', { name: 'Like, 3 likes', pressed: true });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('like-count').textContent).toBe('2'));
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await act(async () =>
      answer.resolve(json(500, { error: 'Database unavailable', code: 'internal_error' })),
    );
    await waitFor(() => expect(screen.getByTestId('like-count').textContent).toBe('3'));
    expect(button.getAttribute('aria-pressed')).toBe('true');
  });

  it('updates the cached design and gallery at once, and restores both when the like fails', async () => {
    const client = testQueryClient();
    const cached = design({ id, likes: 4, likedByMe: false });
    const feedKey = queryKeys.designs.feed({ scope: 'public', limit: 24 });
    client.setQueryData(queryKeys.designs.detail(id), cached);
    client.setQueryData<InfiniteData<Page<Design>>>(feedKey, {
      pages: [{ items: [cached], nextCursor: null }],
      pageParams: [null],
    });
    const answer = deferred<Response>();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => answer.promise),
    );
    renderWithClient(<LikeButton designId={id} likes={4} liked={false} />, { client });
    fireEvent.click(screen.getByRole('button', { name: 'Like, 4 likes' }));

    await waitFor(() =>
      expect(client.getQueryData<Design>(queryKeys.designs.detail(id))).toMatchObject({
        likes: 5,
        likedByMe: true,
      }),
    );
    const feed = () => client.getQueryData<InfiniteData<Page<Design>>>(feedKey)?.pages[0]?.items[0];
    expect(feed()).toMatchObject({ likes: 5, likedByMe: true });

    await act(async () => answer.resolve(json(503, { error: 'Try later', code: 'unavailable' })));
    await waitFor(() =>
      expect(client.getQueryData<Design>(queryKeys.designs.detail(id))).toMatchObject({
        likes: 4,
        likedByMe: false,
      }),
    );
    expect(feed()).toMatchObject({ likes: 4, likedByMe: false });
    expect(screen.getByTestId('like-count').textContent).toBe('4');
    expect(useToasts.getState().toasts.map((t) => t.message)).toContain(
      'Could not like this design: Try later',
    );
  });
});
