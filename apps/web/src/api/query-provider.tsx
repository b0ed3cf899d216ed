import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useAuth } from '../stores/auth.ts';
import { createQueryClient } from './query-client.ts';

/**
 * Provides the server-state cache. What was read as one person (likes, orders, private designs) is
 * read again when someone else signs in or the session ends.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  useEffect(() => {
    let userId = useAuth.getState().user?.id;
    return useAuth.subscribe((s) => {
      if (s.user?.id === userId) return;
      userId = s.user?.id;
      void client.resetQueries();
    });
  }, [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
