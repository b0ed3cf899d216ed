import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/helpers.tsx';
import { isChunkLoadError, RouteErrorBoundary } from './route-error-boundary.tsx';

const chunkError = new TypeError(
  'Failed to fetch dynamically imported module: http://192.0.2.2:8080/assets/studio-3f9a.js',
);

function renderFailingPage(error: unknown) {
  const Page = lazy(() => Promise.reject(error));
  return render(
    <MemoryRouter>
      <RouteErrorBoundary>
        <Suspense fallback={<p>loading</p>}>
          <Page />
        </Suspense>
      </RouteErrorBoundary>
    </MemoryRouter>,
  );
}

let reload: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  sessionStorage.clear();
  reload = vi.fn<() => void>();
  vi.spyOn(window.location, 'reload').mockImplementation(reload);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('route error boundary', () => {
  it('knows a failed chunk from other errors', () => {
    expect(isChunkLoadError(chunkError)).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
  });

  it('offers Reload instead of a blank page while the server is unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderFailingPage(chunkError);
    await screen.findByRole('heading', { name: 'This page could not load' });
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads itself once when the server is back (a new build), never twice in a row', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { status: 'ok' })),
    );
    renderFailingPage(chunkError);
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    cleanup();

    // The reloaded page fails the same way: the guard in sessionStorage stops a loop.
    renderFailingPage(chunkError);
    await screen.findByRole('button', { name: 'Reload' });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('shows a way out when a page throws', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderFailingPage(new Error('boom'));
    await screen.findByRole('heading', { name: 'Something went wrong on this page' });
    expect(screen.getByRole('link', { name: 'Back to the gallery' })).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
