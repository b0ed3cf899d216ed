import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, signInAs } from '../test/helpers.tsx';
import { LikeButton } from './like-button.tsx';

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
    render(
      <MemoryRouter>
        <LikeButton designId={id} likes={4} liked={false} />
      </MemoryRouter>,
    );
    const button = screen.getByRole('button', { name: 'Like, 4 likes', pressed: false });
    fireEvent.click(button);
    // Optimistic: already liked and counted.
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('like-count').textContent).toBe('5');
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
    render(
      <MemoryRouter>
        <LikeButton designId={id} likes={3} liked={true} />
      </MemoryRouter>,
    );
    const button = screen.getByRole('button', { name: 'Like, 3 likes', pressed: true });
    fireEvent.click(button);
    expect(screen.getByTestId('like-count').textContent).toBe('2');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await act(async () =>
      answer.resolve(json(500, { error: 'Database unavailable', code: 'internal_error' })),
    );
    await waitFor(() => expect(screen.getByTestId('like-count').textContent).toBe('3'));
    expect(button.getAttribute('aria-pressed')).toBe('true');
  });
});
