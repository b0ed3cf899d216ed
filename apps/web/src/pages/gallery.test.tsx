import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../stores/auth.ts';
import { design } from '../test/designs.ts';
import { json, renderWithClient } from '../test/helpers.tsx';
import { GalleryPage } from './gallery.tsx';

const ids = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`);

/** An IntersectionObserver the test drives: `reveal()` brings the sentinel into view. */
let observers: Array<{ callback: IntersectionObserverCallback; el?: Element }> = [];
class FakeObserver {
  constructor(callback: IntersectionObserverCallback) {
    observers.push({ callback });
  }
  observe(el: Element) {
    const last = observers[observers.length - 1];
    if (last) last.el = el;
  }
  disconnect() {}
  unobserve() {}
}
function reveal() {
  const live = observers[observers.length - 1];
  live?.callback(
    [{ isIntersecting: true } as IntersectionObserverEntry],
    live as unknown as IntersectionObserver,
  );
}

beforeEach(() => {
  observers = [];
  useAuth.setState({ user: null, accessToken: null, refreshToken: null });
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('gallery feed', () => {
  it('loads the next page as the end nears, passing the cursor, and shows both pages', async () => {
    const first = ids(3).map((id, i) => design({ id, title: `First ${i}`, isPublic: true }));
    const second = ids(2, 10).map((id, i) => design({ id, title: `Second ${i}`, isPublic: true }));
    const fetch = vi.fn(async (url: string) =>
      String(url).startsWith('/api/trends')
        ? json(200, { windowDays: 7, tags: [], colors: [], categories: [], styles: [] })
        : String(url).includes('cursor=c2')
          ? json(200, { items: second, nextCursor: null })
          : json(200, { items: first, nextCursor: 'c2' }),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithClient(<GalleryPage />, { route: '/?category=dress' });

    await screen.findByText('First 0');
    const feedCalls = () =>
      fetch.mock.calls.map((c) => String(c[0])).filter((u) => u.startsWith('/api/designs'));
    expect(feedCalls()[0]).toContain('category=dress');
    expect(screen.getByText('3 designs shown')).toBeTruthy();

    await act(async () => reveal());
    await screen.findByText('Second 1');
    expect(feedCalls()[1]).toContain('cursor=c2');
    expect(feedCalls()[1]).toContain('category=dress');
    expect(screen.getByText('5 designs shown')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Designs' }).children).toHaveLength(5);

    // The last page has no cursor: nothing more is asked for.
    await act(async () => reveal());
    expect(feedCalls()).toHaveLength(2);
  });

  it('shows the error with a retry that reads the feed again', async () => {
    let fail = true;
    const fetch = vi.fn(async (url: string) =>
      fail || String(url).startsWith('/api/trends')
        ? json(500, { error: 'Database unavailable', code: 'internal_error' })
        : json(200, { items: [design({ title: 'Back again', isPublic: true })], nextCursor: null }),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithClient(<GalleryPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('Database unavailable');
    fail = false;
    await act(async () => screen.getByRole('button', { name: 'Try again' }).click());
    await screen.findByText('Back again');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
