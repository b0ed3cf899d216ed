import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** A 4xx answer will not change on a retry (bad input, not found, forbidden); a dropped connection or a 5xx may. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The app's one cache of server state: reads are fresh for 30 s and retried twice when the fault may pass. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        // A page refreshes when it is opened again, not each time the window regains focus.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
