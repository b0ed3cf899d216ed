import type { AuthResponse, User } from '@btb/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { useAuth } from '../stores/auth.ts';

export const testUser: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'user',
  subscriptionTier: 'free',
  status: 'active',
  avatarUrl: null,
  bio: null,
  website: null,
  socialLinks: {},
  preferences: {
    emailNotifications: true,
    notifyOnGeneration: true,
    notifyOnLikes: true,
    notifyOnOrderUpdates: true,
    newsletter: false,
    theme: 'system',
  },
  quotas: { designsPerHour: 10 },
  createdAt: '2026-01-01T00:00:00.000Z',
};

export function signInAs(
  user: User = testUser,
  accessToken = 'access-1',
  refreshToken = 'refresh-token-1-xxxxxxxxxxxx',
) {
  useAuth.setState({ user, accessToken, refreshToken });
}

export function authResponse(accessToken: string, refreshToken: string): AuthResponse {
  return { user: testUser, accessToken, refreshToken, expiresIn: 900 };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A cache for one test: no retries, so a failure shows at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** Renders `ui` at `route` with its own query cache, which it returns for the test to look into. */
export function renderWithClient(ui: ReactNode, { route = '/', client = testQueryClient() } = {}) {
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, client };
}
